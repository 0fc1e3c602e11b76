<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="my_MM">
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="114"/>
        <source>Welcome to Gatewatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="117"/>
        <source>What you log stays encrypted on this computer until it is sent to the newsroom. Choose a passphrase that you can type quickly but nobody can guess. If you forget it, nobody can open your reports, not even the newsroom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="122"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="123"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="124"/>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="125"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="126"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="127"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="128"/>
        <source>&amp;Create encrypted store</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="156"/>
        <source>At least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="157"/>
        <source>Weak: make it longer, a few unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="158"/>
        <source>Fair: a few more words would make it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="159"/>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="163"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GateChooser</name>
    <message>
        <location filename="../../desktop/ui/gate_chooser.py" line="71"/>
        <source>Type a crossing: Laiza, လိုင်ဇာ, 拉咱…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate_chooser.py" line="72"/>
        <source>Crossing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewatchWindow</name>
    <message>
        <location filename="../../desktop/ui/window.py" line="167"/>
        <source>Gatewatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="168"/>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="169"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="170"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="171"/>
        <source>&amp;New report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="172"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="173"/>
        <source>Lock now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="174"/>
        <source>Panic &amp;wipe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="175"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="176"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="177"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="289"/>
        <source>Queued for sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="299"/>
        <source>{shown} of {total} reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="336"/>
        <source>Panic wipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="337"/>
        <source>Destroy every report on this computer now? There is no undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="338"/>
        <source>&amp;Wipe now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="37"/>
        <source>The crossing you saw or heard about. Type any spelling, in any language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="40"/>
        <source>When it was seen, in your local time. Not when you write it down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="43"/>
        <source>Each side opens and closes on its own. Choose unknown if you are not sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="46"/>
        <source>What may pass through the gate right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="49"/>
        <source>If only some people may cross, whose citizens are they?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="52"/>
        <source>Who holds the Myanmar side of the gate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="55"/>
        <source>What blocks the road on the Myanmar side, if anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="58"/>
        <source>How do you know? Your own eyes, a source, a document, social media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="61"/>
        <source>Never a name. Only what kind of person told you, how reliable they have been (A best, F cannot judge) and how likely this is true (1 confirmed, 6 cannot judge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="66"/>
        <source>A made-up name so editors can count independent sources. Use the same one for the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="71"/>
        <source>What happened, in any language. Leave out names and phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="74"/>
        <source>Prices you saw or heard, e.g. diesel 4500 kyat a litre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="85"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="86"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="87"/>
        <source>restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="88"/>
        <location filename="../../desktop/ui/labels.py" line="93"/>
        <location filename="../../desktop/ui/labels.py" line="112"/>
        <location filename="../../desktop/ui/labels.py" line="121"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="91"/>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="92"/>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="96"/>
        <source>Civilians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="97"/>
        <source>Traders and goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="98"/>
        <source>Cargo trucks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="99"/>
        <source>Rare-earth exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="100"/>
        <source>Fuel and chemical imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="103"/>
        <source>Food and building materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="106"/>
        <source>Humanitarian aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="109"/>
        <source>everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="110"/>
        <source>Chinese citizens only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="111"/>
        <source>Myanmar citizens only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="115"/>
        <source>KIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="116"/>
        <source>Myanmar military</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="117"/>
        <source>Border guard force or militia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="120"/>
        <location filename="../../desktop/ui/labels.py" line="129"/>
        <location filename="../../desktop/ui/labels.py" line="141"/>
        <location filename="../../desktop/ui/labels.py" line="154"/>
        <location filename="../../desktop/ui/labels.py" line="176"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="124"/>
        <source>barbed wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="125"/>
        <source>wood barricade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="126"/>
        <source>bamboo barricade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="127"/>
        <source>troops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="128"/>
        <source>vehicles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="132"/>
        <source>fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="133"/>
        <source>food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="134"/>
        <source>rice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="135"/>
        <source>cooking oil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="136"/>
        <source>medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="137"/>
        <source>building materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="138"/>
        <source>household goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="139"/>
        <source>mining inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="140"/>
        <source>cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="144"/>
        <source>litre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="145"/>
        <source>gallon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="146"/>
        <source>bottle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="147"/>
        <source>kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="148"/>
        <source>viss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="149"/>
        <source>bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="150"/>
        <source>sack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="151"/>
        <source>piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="152"/>
        <source>tonne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="153"/>
        <source>trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="157"/>
        <source>kyat (MMK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="158"/>
        <source>yuan (CNY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="161"/>
        <source>I saw it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="162"/>
        <source>A source told me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="163"/>
        <source>A document or photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="164"/>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="167"/>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="168"/>
        <source>trader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="169"/>
        <source>driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="170"/>
        <source>mine worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="171"/>
        <source>close to an armed group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="174"/>
        <source>official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="175"/>
        <source>aid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="179"/>
        <source>A: completely reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="180"/>
        <source>B: usually reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="181"/>
        <source>C: fairly reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="182"/>
        <source>D: not usually reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="183"/>
        <source>E: unreliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="184"/>
        <source>F: cannot be judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="191"/>
        <source>1: confirmed by other sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="192"/>
        <source>2: probably true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="193"/>
        <source>3: possibly true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="194"/>
        <source>4: doubtful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="195"/>
        <source>5: improbable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="196"/>
        <source>6: cannot be judged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="152"/>
        <source>Search reports (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="153"/>
        <source>Search reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="154"/>
        <source>Show reports in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="155"/>
        <source>Show reports about crossing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="156"/>
        <source>&amp;New report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="157"/>
        <source>Log a new report (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="167"/>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="169"/>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="170"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="171"/>
        <location filename="../../desktop/ui/main_page.py" line="318"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="174"/>
        <source>All crossings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="241"/>
        <source>No reports yet.

Press Ctrl+N, or New report, to log what you see or hear at a crossing. Drafts are saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="247"/>
        <source>No report matches. Clear the search box or choose other filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="270"/>
        <source>&amp;Edit draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="273"/>
        <source>&amp;Correct (new revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="294"/>
        <source>Choose a report in the list to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="304"/>
        <source>(not in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="316"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="317"/>
        <source>Queued for sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="319"/>
        <source>Sent, content removed from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="323"/>
        <source>revision {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="334"/>
        <source>China side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="335"/>
        <source>Myanmar side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="348"/>
        <source>Controlled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="350"/>
        <source>Barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="351"/>
        <source>Shortages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="368"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="374"/>
        <source>How known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="386"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="388"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="98"/>
        <source>Photos (JPEG or PNG; location and camera data are removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="99"/>
        <source>Add &amp;photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="100"/>
        <source>Photos of this report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="159"/>
        <source>Photo {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="172"/>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="172"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="395"/>
        <source>&amp;Crossing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="396"/>
        <source>Crossing &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="397"/>
        <source>Where it is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="398"/>
        <source>&amp;Observed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="399"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="400"/>
        <source>Contro&amp;lled by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="401"/>
        <source>Civilians who may cross:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="402"/>
        <source>People stranded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="403"/>
        <source>&amp;How known:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="413"/>
        <source>The crossing is not in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="414"/>
        <source>Name of the crossing not in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="415"/>
        <source>e.g. the footpath 2 km north of Laiza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="416"/>
        <source>China side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="417"/>
        <source>Myanmar side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="418"/>
        <source>China side status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="419"/>
        <source>Myanmar side status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="424"/>
        <source>your local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="424"/>
        <source>Myanmar time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="426"/>
        <source>People stranded or turned back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="427"/>
        <source>An estimate is fine. Leave at — if nobody said.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="428"/>
        <source>What may pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="437"/>
        <source>Barrier on the Myanmar side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="441"/>
        <source>Shortages in town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="444"/>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="447"/>
        <location filename="../../desktop/ui/report_form.py" line="682"/>
        <source>Commodity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="447"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="447"/>
        <location filename="../../desktop/ui/report_form.py" line="691"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="447"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="456"/>
        <source>&amp;Add price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="457"/>
        <source>Remove price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="458"/>
        <source>Source (never a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="460"/>
        <source>Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="461"/>
        <source>Reliability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="462"/>
        <source>Credibility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="463"/>
        <source>Pseudonym:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="465"/>
        <source>&amp;Generate pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="466"/>
        <source>Source category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="467"/>
        <source>Source reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="468"/>
        <source>Information credibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="469"/>
        <source>Source pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="482"/>
        <source>What &amp;happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="484"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="485"/>
        <source>This text looks like Zawgyi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="488"/>
        <source>Gatewatch stores Burmese as Unicode so editors can read and search it. Convert the text below?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="492"/>
        <source>As typed (Zawgyi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="493"/>
        <source>Converted (Unicode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="494"/>
        <source>Con&amp;vert to Unicode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="495"/>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="496"/>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="497"/>
        <source>&amp;Queue for sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="498"/>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="499"/>
        <source>Back to &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="500"/>
        <source>Esc. The draft is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="504"/>
        <source>Correct a sent report (new revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="506"/>
        <source>Edit draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="508"/>
        <source>New report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="681"/>
        <source>e.g. diesel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="758"/>
        <source>Draft saved at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="772"/>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="802"/>
        <source>Not ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="803"/>
        <source>Please complete these fields first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="805"/>
        <source>Kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="820"/>
        <source>Personal details found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="823"/>
        <source>This report seems to contain details that could identify someone. Sources can be put in danger by them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="828"/>
        <source>&amp;Edit the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="829"/>
        <source>Send &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="882"/>
        <source>Photo stored in the encrypted store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="53"/>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="54"/>
        <source>Crossing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="55"/>
        <source>China side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="56"/>
        <source>Myanmar side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="57"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="58"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="128"/>
        <source>(not in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="133"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="134"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="135"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="136"/>
        <source>Sent (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="146"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="147"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="148"/>
        <source>restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="149"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="68"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="75"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="79"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="84"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="88"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="89"/>
        <source>&amp;Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="90"/>
        <source>&amp;Wipe after wrong passphrases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="91"/>
        <source>Largest photo &amp;edge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="99"/>
        <source>Wiping after wrong passphrases protects you if the laptop is taken; 0 turns it off. Larger photos are scaled down when they are added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="209"/>
        <source>Gatewatch is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="210"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="211"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="212"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
