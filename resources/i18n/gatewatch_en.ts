<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BulkBar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_bulk.py" line="143"/>
        <source>Undo the move of %n report(s)</source>
        <translation>
            <numerusform>Undo the move of %n report</numerusform>
            <numerusform>Undo the move of %n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="408"/>
        <source>%n new report(s).</source>
        <translation>
            <numerusform>%n new report.</numerusform>
            <numerusform>%n new reports.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="432"/>
        <source>%n envelope(s) refused.</source>
        <translation>
            <numerusform>%n envelope refused.</numerusform>
            <numerusform>%n envelopes refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="443"/>
        <source>%n review change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n review change waiting to be sent.</numerusform>
            <numerusform>%n review changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="417"/>
        <source>This computer&apos;s clock is %n minute(s) ahead of the server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="420"/>
        <source>This computer&apos;s clock is %n minute(s) behind the server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="426"/>
        <source>The server renamed %n device(s); this desk keeps the names it first saw.</source>
        <translation>
            <numerusform>The server renamed %n device; this desk keeps the name it first saw.</numerusform>
            <numerusform>The server renamed %n devices; this desk keeps the names it first saw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="436"/>
        <source>%n review change(s) held: dated ahead of this computer&apos;s clock (gatewatch desk held --accept).</source>
        <translation>
            <numerusform>%n review change held: dated ahead of this computer&apos;s clock (gatewatch desk held --accept).</numerusform>
            <numerusform>%n review changes held: dated ahead of this computer&apos;s clock (gatewatch desk held --accept).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesBox</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_duplicates.py" line="142"/>
        <source>This report and %n other(s) tell of one observation.</source>
        <translation>
            <numerusform>This report and %n other tell of one observation.</numerusform>
            <numerusform>This report and %n others tell of one observation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_duplicates.py" line="145"/>
        <source>%n independent source(s).</source>
        <translation>
            <numerusform>%n independent source.</numerusform>
            <numerusform>%n independent sources.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_export_dialog.py" line="314"/>
        <source>Exported %n report(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n report to {path}.</numerusform>
            <numerusform>Exported %n reports to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapsView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_gaps.py" line="96"/>
        <source>%n arrived late and filled their gap</source>
        <translation>
            <numerusform>%n arrived late and filled their gap</numerusform>
            <numerusform>%n arrived late and filled their gap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_gaps.py" line="98"/>
        <source>%n arrived again, kept once</source>
        <translation>
            <numerusform>%n arrived again, kept once</numerusform>
            <numerusform>%n arrived again, kept once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_gaps.py" line="124"/>
        <source>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</source>
        <translation>
            <numerusform>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</numerusform>
            <numerusform>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_gaps.py" line="129"/>
        <source>%n missing ({numbers})</source>
        <translation>
            <numerusform>%n missing ({numbers})</numerusform>
            <numerusform>%n missing ({numbers})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_gaps.py" line="130"/>
        <source>%n missing since {day} ({numbers})</source>
        <translation>
            <numerusform>%n missing since {day} ({numbers})</numerusform>
            <numerusform>%n missing since {day} ({numbers})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="272"/>
        <source>Careful: wrong tries left before this store and every report in it are destroyed for good: %n.</source>
        <translation>
            <numerusform>Careful: %n more wrong passphrase destroys this store and every report in it for good.</numerusform>
            <numerusform>Careful: %n more wrong passphrases destroy this store and every report in it for good.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="281"/>
        <source>After %n wrong passphrases in a row, this store is destroyed.</source>
        <translation>
            <numerusform>After %n wrong passphrase, this store is destroyed.</numerusform>
            <numerusform>After %n wrong passphrases in a row, this store is destroyed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="284"/>
        <source>Tries left: %n.</source>
        <translation>
            <numerusform>%n try left.</numerusform>
            <numerusform>%n tries left.</numerusform>
        </translation>
    </message>
</context>
</TS>
