<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoardView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/board_view.py" line="274"/>
        <source>%1: %2 (%n source(s))</source>
        <translation>
            <numerusform>%1: %2 (%n source)</numerusform>
            <numerusform>%1: %2 (%n sources)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/bulk.py" line="141"/>
        <source>Undo the move of %n report(s)</source>
        <translation>
            <numerusform>Undo the move of %n report</numerusform>
            <numerusform>Undo the move of %n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrespondentHandcarryActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="66"/>
        <source>%n report(s) written to {file}. Carry the file to the newsroom desk. The reports stay in your list, marked carried, until receipts come back.</source>
        <translation>
            <numerusform>%n report written to {file}. Carry the file to the newsroom desk. The report stays in your list, marked carried, until receipts come back.</numerusform>
            <numerusform>%n reports written to {file}. Carry the file to the newsroom desk. The reports stay in your list, marked carried, until receipts come back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="86"/>
        <source>Receipts applied: %n report(s) are now with the newsroom.</source>
        <translation>
            <numerusform>Receipts applied: %n report is now with the newsroom.</numerusform>
            <numerusform>Receipts applied: %n reports are now with the newsroom.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskHandcarryActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="131"/>
        <source>%n new report(s) stored</source>
        <translation>
            <numerusform>%n new report stored</numerusform>
            <numerusform>%n new reports stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="132"/>
        <source>, %n photo(s) complete.</source>
        <translation>
            <numerusform>, %n photo complete.</numerusform>
            <numerusform>, %n photos complete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="137"/>
        <source>%n item(s) were refused and not stored: {reasons}.</source>
        <translation>
            <numerusform>%n item was refused and not stored: {reasons}.</numerusform>
            <numerusform>%n items were refused and not stored: {reasons}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="145"/>
        <source>%n item(s) come from a computer this desk does not know yet: the server brings them at a pull once that computer has synced.</source>
        <translation>
            <numerusform>%n item comes from a computer this desk does not know yet: the server brings them at a pull once that computer has synced.</numerusform>
            <numerusform>%n items come from a computer this desk does not know yet: the server brings them at a pull once that computer has synced.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="154"/>
        <source>%n item(s) handed on to the server for the other desks.</source>
        <translation>
            <numerusform>%n item handed on to the server for the other desks.</numerusform>
            <numerusform>%n items handed on to the server for the other desks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="221"/>
        <source>Receipts for %n item(s) written to {file}</source>
        <translation>
            <numerusform>Receipts for %n item written to {file}</numerusform>
            <numerusform>Receipts for %n items written to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="224"/>
        <source>, with %n question(s).</source>
        <translation>
            <numerusform>, with %n question.</numerusform>
            <numerusform>, with %n questions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskStatusLine</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="38"/>
        <source>%n new report(s).</source>
        <translation>
            <numerusform>%n new report.</numerusform>
            <numerusform>%n new reports.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="62"/>
        <source>The server renamed %n device(s); this desk keeps the approved names (Desk menu, Devices…).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="71"/>
        <source>%n report(s) from devices no editor approved (Desk menu, Devices…).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="77"/>
        <source>%n envelope(s) refused.</source>
        <translation>
            <numerusform>%n envelope refused.</numerusform>
            <numerusform>%n envelopes refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="88"/>
        <source>%n review change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n review change waiting to be sent.</numerusform>
            <numerusform>%n review changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="48"/>
        <source>This computer&apos;s clock is %n minute(s) ahead of the server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="54"/>
        <source>This computer&apos;s clock is %n minute(s) behind the server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="81"/>
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
        <location filename="../../desktop/ui/desk/duplicates.py" line="138"/>
        <source>This report and %n other(s) tell of one observation.</source>
        <translation>
            <numerusform>This report and %n other tell of one observation.</numerusform>
            <numerusform>This report and %n others tell of one observation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/duplicates.py" line="141"/>
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
        <location filename="../../desktop/ui/desk/export_dialog.py" line="318"/>
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
        <location filename="../../desktop/ui/desk/gaps.py" line="96"/>
        <source>%n arrived late and filled their gap</source>
        <translation>
            <numerusform>%n arrived late and filled their gap</numerusform>
            <numerusform>%n arrived late and filled their gap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="98"/>
        <source>%n arrived again, kept once</source>
        <translation>
            <numerusform>%n arrived again, kept once</numerusform>
            <numerusform>%n arrived again, kept once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="124"/>
        <source>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</source>
        <translation>
            <numerusform>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</numerusform>
            <numerusform>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="129"/>
        <source>%n missing ({numbers})</source>
        <translation>
            <numerusform>%n missing ({numbers})</numerusform>
            <numerusform>%n missing ({numbers})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="130"/>
        <source>%n missing since {day} ({numbers})</source>
        <translation>
            <numerusform>%n missing since {day} ({numbers})</numerusform>
            <numerusform>%n missing since {day} ({numbers})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GateTimeline</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/timeline.py" line="152"/>
        <source>No reports about this crossing in the last %n day(s): shown up to its newest report, %1.</source>
        <translation>
            <numerusform>No reports about this crossing in the last day: shown up to its newest report, %1.</numerusform>
            <numerusform>No reports about this crossing in the last %n days: shown up to its newest report, %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxFilters</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="178"/>
        <source>Showing the %n report(s) behind a flag of the board.</source>
        <translation>
            <numerusform>Showing the report behind a flag of the board.</numerusform>
            <numerusform>Showing the %n reports behind a flag of the board.</numerusform>
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
