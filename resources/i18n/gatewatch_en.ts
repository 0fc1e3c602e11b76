<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeskPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="306"/>
        <source>%n new report(s).</source>
        <translation>
            <numerusform>%n new report.</numerusform>
            <numerusform>%n new reports.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="312"/>
        <source>%n envelope(s) refused.</source>
        <translation>
            <numerusform>%n envelope refused.</numerusform>
            <numerusform>%n envelopes refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_page.py" line="314"/>
        <source>%n review change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n review change waiting to be sent.</numerusform>
            <numerusform>%n review changes waiting to be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk_export_dialog.py" line="273"/>
        <source>Exported %n report(s) to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="189"/>
        <source>At least %n characters.</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
</TS>
