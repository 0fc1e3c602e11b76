<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="my_MM">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="20"/>
        <location filename="../../desktop/ui/errors.py" line="38"/>
        <source>The passphrase is not correct. Check the keyboard layout and try again.</source>
        <translation>စကားဝှက် မမှန်ပါ။ ကီးဘုတ်ဘာသာစကားကို စစ်ပြီး ထပ်ကြိုးစားပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="24"/>
        <source>The passphrase is not correct. One more wrong try wipes this store.</source>
        <translation>စကားဝှက် မမှန်ပါ။ နောက်တစ်ကြိမ် မှားလျှင် ဤသိုလှောင်ခန်းကို ဖျက်ဆီးပါမည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="27"/>
        <source>The passphrase is not correct. {count} tries remain before this store is wiped.</source>
        <translation>စကားဝှက် မမှန်ပါ။ သိုလှောင်ခန်းကို မဖျက်မီ {count} ကြိမ် ကျန်ပါသေးသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="32"/>
        <source>Too many wrong passphrases: the store was wiped, as set up. Create a new store to go on.</source>
        <translation>စကားဝှက် အကြိမ်များစွာ မှားသဖြင့် သတ်မှတ်ထားသည့်အတိုင်း သိုလှောင်ခန်းကို ဖျက်ဆီးပြီးပါပြီ။ ဆက်လုပ်ရန် သိုလှောင်ခန်းအသစ် ဖန်တီးပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="42"/>
        <source>The store&apos;s key file (store.key) is missing or damaged. Put it back from a backup; without it nobody can open these reports.</source>
        <translation>သိုလှောင်ခန်း၏ သော့ဖိုင် (store.key) ပျောက်နေသည် သို့မဟုတ် ပျက်နေသည်။ အရန်မိတ္တူမှ ပြန်ထည့်ပါ၊ ၎င်းမရှိလျှင် ဤသတင်းများကို မည်သူမျှ ဖွင့်၍မရပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="48"/>
        <source>The key file does not fit this store: it belongs to another store, or the store is damaged. Put back this store&apos;s own key file.</source>
        <translation>သော့ဖိုင်သည် ဤသိုလှောင်ခန်းနှင့် မကိုက်ညီပါ- အခြားသိုလှောင်ခန်း၏ ဖိုင်ဖြစ်နေသည် သို့မဟုတ် သိုလှောင်ခန်း ပျက်နေသည်။ ဤသိုလှောင်ခန်း၏ ကိုယ်ပိုင်သော့ဖိုင်ကို ပြန်ထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="54"/>
        <source>Gatewatch could not read or write its files: the disk may be full. Free some space, then try again. Nothing already saved was lost.</source>
        <translation>Gatewatch က ဖိုင်များကို ဖတ်၍/ရေး၍ မရပါ- ဒစ်ခ် ပြည့်နေနိုင်သည်။ နေရာလွတ် ပြုလုပ်ပြီး ထပ်ကြိုးစားပါ။ သိမ်းပြီးသားများ မပျောက်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="60"/>
        <source>The passphrase is too short. Use at least 8 characters; a sentence is best.</source>
        <translation>စကားဝှက် တိုလွန်းသည်။ အနည်းဆုံး စာလုံး ၈ လုံး သုံးပါ၊ စာကြောင်းတစ်ကြောင်း အကောင်းဆုံး။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="65"/>
        <source>Only JPEG and PNG photos can be added. Convert the file, then add it.</source>
        <translation>JPEG နှင့် PNG ဓာတ်ပုံများသာ ထည့်နိုင်သည်။ ဖိုင်ကို ပြောင်းပြီးမှ ထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="68"/>
        <source>The photo is damaged or incomplete. Copy it again, then add it.</source>
        <translation>ဓာတ်ပုံ ပျက်နေသည် သို့မဟုတ် မပြည့်စုံပါ။ ထပ်ကူးပြီးမှ ထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="71"/>
        <source>The photo file is too large. Make it smaller, then add it.</source>
        <translation>ဓာတ်ပုံဖိုင် ကြီးလွန်းသည်။ သေးအောင်လုပ်ပြီးမှ ထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="74"/>
        <source>The photo has too many pixels. Make it smaller, then add it.</source>
        <translation>ဓာတ်ပုံ၏ pixel များလွန်းသည်။ သေးအောင်လုပ်ပြီးမှ ထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="77"/>
        <source>The photo file cannot be read. Check that it is still there.</source>
        <translation>ဓာတ်ပုံဖိုင်ကို ဖတ်၍မရပါ။ ဖိုင် ရှိနေသေးကြောင်း စစ်ပါ။</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="121"/>
        <source>Welcome to Gatewatch</source>
        <translation>Gatewatch မှ ကြိုဆိုပါသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="124"/>
        <source>What you log stays encrypted on this computer until it is sent to the newsroom. Choose a passphrase that you can type quickly but nobody can guess. If you forget it, nobody can open your reports, not even the newsroom.</source>
        <translation>သင်မှတ်တမ်းတင်သမျှကို သတင်းဌာနသို့ မပို့မချင်း ဤကွန်ပျူတာထဲတွင် ကုဒ်ဝှက်ထားပါမည်။ မြန်မြန် ရိုက်နိုင်ပြီး မည်သူမျှ ခန့်မှန်း၍ မရသော စကားဝှက်ကို ရွေးပါ။ မေ့သွားလျှင် သင့်သတင်းများကို မည်သူမျှ ဖွင့်၍ မရပါ၊ သတင်းဌာနလည်း မဖွင့်နိုင်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="129"/>
        <source>&amp;Language:</source>
        <translation>ဘာသာစကား (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="130"/>
        <source>&amp;Passphrase:</source>
        <translation>စကားဝှက် (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="131"/>
        <source>&amp;Repeat it:</source>
        <translation>ထပ်ရိုက်ပါ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="132"/>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="133"/>
        <source>Repeat the passphrase</source>
        <translation>စကားဝှက်ကို ထပ်ရိုက်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="134"/>
        <source>Language</source>
        <translation>ဘာသာစကား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="135"/>
        <source>&amp;Create encrypted store</source>
        <translation>ကုဒ်ဝှက် သိုလှောင်ခန်း ဖန်တီးမည် (&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="163"/>
        <source>At least %n characters.</source>
        <translation>
            <numerusform>အနည်းဆုံး စာလုံး %n လုံး ရှိရမည်။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="164"/>
        <source>Weak: make it longer, a few unrelated words work well.</source>
        <translation>အားနည်းသည်- ပိုရှည်အောင် လုပ်ပါ။ မဆိုင်သော စကားလုံး အနည်းငယ်ကို တွဲသုံးလျှင် ကောင်းသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="165"/>
        <source>Fair: a few more words would make it strong.</source>
        <translation>သင့်တင့်သည်- စကားလုံး အနည်းငယ် ထပ်ထည့်လျှင် ခိုင်မာမည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="166"/>
        <source>Strong.</source>
        <translation>ခိုင်မာသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="170"/>
        <source>The two passphrases differ.</source>
        <translation>စကားဝှက် နှစ်ခု မတူပါ။</translation>
    </message>
</context>
<context>
    <name>GateChooser</name>
    <message>
        <location filename="../../desktop/ui/gate_chooser.py" line="71"/>
        <source>Type a crossing: Laiza, လိုင်ဇာ, 拉咱…</source>
        <translation>ဂိတ်အမည် ရိုက်ပါ: Laiza, လိုင်ဇာ, 拉咱…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gate_chooser.py" line="72"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
</context>
<context>
    <name>GatewatchWindow</name>
    <message>
        <location filename="../../desktop/ui/window.py" line="178"/>
        <source>Gatewatch</source>
        <translation>Gatewatch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="179"/>
        <source>&amp;Report</source>
        <translation>သတင်း (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="180"/>
        <source>&amp;Tools</source>
        <translation>ကိရိယာများ (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="181"/>
        <source>Main toolbar</source>
        <translation>အဓိက ကိရိယာဘား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="182"/>
        <source>&amp;New report</source>
        <translation>သတင်းအသစ် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="183"/>
        <source>&amp;Save draft</source>
        <translation>မူကြမ်း သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="184"/>
        <source>&amp;Queue for sending</source>
        <translation>ပို့ရန် တန်းစီမည် (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="185"/>
        <source>&amp;Lock</source>
        <translation>သော့ခတ်မည် (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="186"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>ယခု သော့ခတ်မည် (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="187"/>
        <source>Panic &amp;wipe…</source>
        <translation>အရေးပေါ် ဖျက်ဆီးမည် (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="188"/>
        <source>&amp;Settings…</source>
        <translation>ဆက်တင်များ (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="189"/>
        <source>&amp;Search</source>
        <translation>ရှာမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="190"/>
        <source>&amp;Quit</source>
        <translation>ထွက်မည် (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="311"/>
        <source>Queued for sending.</source>
        <translation>ပို့ရန် တန်းစီထားပြီး။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="321"/>
        <source>{shown} of {total} reports</source>
        <translation>သတင်း {total} ခုအနက် {shown} ခု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="359"/>
        <source>Panic wipe</source>
        <translation>အရေးပေါ် ဖျက်ဆီးခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="360"/>
        <source>Destroy every report on this computer now? There is no undo.</source>
        <translation>ဤကွန်ပျူတာရှိ သတင်းအားလုံးကို ယခု ဖျက်ဆီးမလား။ ပြန်ယူ၍ မရပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="361"/>
        <source>&amp;Wipe now</source>
        <translation>ယခု ဖျက်မည် (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="362"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="37"/>
        <source>The crossing you saw or heard about. Type any spelling, in any language.</source>
        <translation>သင်မြင်ခဲ့ သို့မဟုတ် ကြားခဲ့သော ဂိတ်။ မည်သည့်ဘာသာ၊ မည်သည့် စာလုံးပေါင်းဖြင့်မဆို ရိုက်နိုင်သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="40"/>
        <source>When it was seen, in your local time. Not when you write it down.</source>
        <translation>မြင်ခဲ့သည့်အချိန် (သင့်ဒေသ အချိန်ဖြင့်)။ ရေးမှတ်သည့်အချိန် မဟုတ်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="43"/>
        <source>Each side opens and closes on its own. Choose unknown if you are not sure.</source>
        <translation>ဘက်တစ်ဘက်စီ သီးခြား ဖွင့်ပိတ်သည်။ မသေချာလျှင် “မသိ” ကို ရွေးပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="46"/>
        <source>What may pass through the gate right now.</source>
        <translation>ယခုလက်ရှိ ဂိတ်ကို ဖြတ်သန်းခွင့်ရှိသည့်အရာ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="49"/>
        <source>If only some people may cross, whose citizens are they?</source>
        <translation>လူအချို့သာ ဖြတ်ကူးခွင့်ရှိလျှင် မည်သည့်နိုင်ငံသားများနည်း။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="52"/>
        <source>Who holds the Myanmar side of the gate.</source>
        <translation>ဂိတ်၏ မြန်မာဘက်ကို ထိန်းချုပ်ထားသူ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="55"/>
        <source>What blocks the road on the Myanmar side, if anything.</source>
        <translation>မြန်မာဘက်တွင် လမ်းပိတ်ထားသည့်အရာ (ရှိလျှင်)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="58"/>
        <source>How do you know? Your own eyes, a source, a document, social media.</source>
        <translation>မည်သို့ သိရသနည်း။ ကိုယ်တိုင်မြင်၊ သတင်းရင်းမြစ်၊ စာရွက်စာတမ်း၊ ဆိုရှယ်မီဒီယာ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="61"/>
        <source>Never a name. Only what kind of person told you, how reliable they have been (A best, F cannot judge) and how likely this is true (1 confirmed, 6 cannot judge).</source>
        <translation>အမည် လုံးဝ မထည့်ရ။ မည်သို့သော လူက ပြောသည်၊ ယခင်က မည်မျှ ယုံကြည်ရသည် (A အကောင်းဆုံး၊ F ဆုံးဖြတ်၍မရ) နှင့် ဤသတင်း မှန်နိုင်ခြေ (1 အတည်ပြုပြီး၊ 6 ဆုံးဖြတ်၍မရ) တို့ကိုသာ ထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="66"/>
        <source>A made-up name so editors can count independent sources. Use the same one for the same person.</source>
        <translation>အယ်ဒီတာများ သီးခြားရင်းမြစ် အရေအတွက်ကို ရေတွက်နိုင်ရန် လုပ်ထားသော အမည်။ လူတစ်ဦးတည်းအတွက် အမည်တစ်ခုတည်းကိုသာ သုံးပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="71"/>
        <source>What happened, in any language. Leave out names and phone numbers.</source>
        <translation>ဖြစ်ပျက်ခဲ့သည့်အရာ၊ မည်သည့်ဘာသာဖြင့်မဆို ရေးနိုင်သည်။ အမည်နှင့် ဖုန်းနံပါတ် မထည့်ပါနှင့်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="74"/>
        <source>Prices you saw or heard, e.g. diesel 4500 kyat a litre.</source>
        <translation>သင်မြင်ခဲ့ ကြားခဲ့သော ဈေးနှုန်း၊ ဥပမာ ဒီဇယ် တစ်လီတာ 4500 ကျပ်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="85"/>
        <source>open</source>
        <translation>ဖွင့်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="86"/>
        <source>closed</source>
        <translation>ပိတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="87"/>
        <source>restricted</source>
        <translation>ကန့်သတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="88"/>
        <location filename="../../desktop/ui/labels.py" line="93"/>
        <location filename="../../desktop/ui/labels.py" line="112"/>
        <location filename="../../desktop/ui/labels.py" line="121"/>
        <source>unknown</source>
        <translation>မသိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="91"/>
        <source>allowed</source>
        <translation>ခွင့်ပြု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="92"/>
        <source>blocked</source>
        <translation>တားဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="96"/>
        <source>Civilians</source>
        <translation>အရပ်သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="97"/>
        <source>Traders and goods</source>
        <translation>ကုန်သည်နှင့် ကုန်ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="98"/>
        <source>Cargo trucks</source>
        <translation>ကုန်တင်ကားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="99"/>
        <source>Rare-earth exports</source>
        <translation>ရှားပါးမြေ တင်ပို့မှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="100"/>
        <source>Fuel and chemical imports</source>
        <translation>လောင်စာဆီနှင့် ဓာတုပစ္စည်း တင်သွင်းမှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="103"/>
        <source>Food and building materials</source>
        <translation>စားနပ်ရိက္ခာနှင့် ဆောက်လုပ်ရေးပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="106"/>
        <source>Humanitarian aid</source>
        <translation>လူသားချင်းစာနာမှု အကူအညီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="109"/>
        <source>everyone</source>
        <translation>လူတိုင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="110"/>
        <source>Chinese citizens only</source>
        <translation>တရုတ်နိုင်ငံသားများသာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="111"/>
        <source>Myanmar citizens only</source>
        <translation>မြန်မာနိုင်ငံသားများသာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="115"/>
        <source>KIA</source>
        <translation>KIA</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="116"/>
        <source>Myanmar military</source>
        <translation>မြန်မာစစ်တပ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="117"/>
        <source>Border guard force or militia</source>
        <translation>နယ်ခြားစောင့်တပ် (BGF) သို့မဟုတ် ပြည်သူ့စစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="120"/>
        <location filename="../../desktop/ui/labels.py" line="129"/>
        <location filename="../../desktop/ui/labels.py" line="141"/>
        <location filename="../../desktop/ui/labels.py" line="154"/>
        <location filename="../../desktop/ui/labels.py" line="176"/>
        <source>other</source>
        <translation>အခြား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="124"/>
        <source>barbed wire</source>
        <translation>သံဆူးကြိုး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="125"/>
        <source>wood barricade</source>
        <translation>သစ်သား အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="126"/>
        <source>bamboo barricade</source>
        <translation>ဝါး အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="127"/>
        <source>troops</source>
        <translation>စစ်သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="128"/>
        <source>vehicles</source>
        <translation>ယာဉ်များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="132"/>
        <source>fuel</source>
        <translation>လောင်စာဆီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="133"/>
        <source>food</source>
        <translation>စားနပ်ရိက္ခာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="134"/>
        <source>rice</source>
        <translation>ဆန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="135"/>
        <source>cooking oil</source>
        <translation>စားသုံးဆီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="136"/>
        <source>medicine</source>
        <translation>ဆေးဝါး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="137"/>
        <source>building materials</source>
        <translation>ဆောက်လုပ်ရေးပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="138"/>
        <source>household goods</source>
        <translation>အိမ်သုံးပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="139"/>
        <source>mining inputs</source>
        <translation>သတ္တုတွင်းသုံး ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="140"/>
        <source>cash</source>
        <translation>ငွေသား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="144"/>
        <source>litre</source>
        <translation>လီတာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="145"/>
        <source>gallon</source>
        <translation>ဂါလံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="146"/>
        <source>bottle</source>
        <translation>ပုလင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="147"/>
        <source>kg</source>
        <translation>ကီလို</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="148"/>
        <source>viss</source>
        <translation>ပိဿာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="149"/>
        <source>bag</source>
        <translation>အိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="150"/>
        <source>sack</source>
        <translation>ဂုန်နီအိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="151"/>
        <source>piece</source>
        <translation>ခု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="152"/>
        <source>tonne</source>
        <translation>တန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="153"/>
        <source>trip</source>
        <translation>ခေါက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="157"/>
        <source>kyat (MMK)</source>
        <translation>ကျပ် (MMK)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="158"/>
        <source>yuan (CNY)</source>
        <translation>ယွမ် (CNY)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="161"/>
        <source>I saw it</source>
        <translation>ကိုယ်တိုင် မြင်ခဲ့သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="162"/>
        <source>A source told me</source>
        <translation>သတင်းရင်းမြစ်က ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="163"/>
        <source>A document or photo</source>
        <translation>စာရွက်စာတမ်း သို့မဟုတ် ဓာတ်ပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="164"/>
        <source>Social media</source>
        <translation>ဆိုရှယ်မီဒီယာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="167"/>
        <source>resident</source>
        <translation>ဒေသခံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="168"/>
        <source>trader</source>
        <translation>ကုန်သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="169"/>
        <source>driver</source>
        <translation>ယာဉ်မောင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="170"/>
        <source>mine worker</source>
        <translation>သတ္တုတွင်း အလုပ်သမား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="171"/>
        <source>close to an armed group</source>
        <translation>လက်နက်ကိုင်အဖွဲ့နှင့် နီးစပ်သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="174"/>
        <source>official</source>
        <translation>တာဝန်ရှိသူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="175"/>
        <source>aid worker</source>
        <translation>အကူအညီပေးရေး ဝန်ထမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="179"/>
        <source>A: completely reliable</source>
        <translation>A: လုံးဝ ယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="180"/>
        <source>B: usually reliable</source>
        <translation>B: များသောအားဖြင့် ယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="181"/>
        <source>C: fairly reliable</source>
        <translation>C: အတန်အသင့် ယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="182"/>
        <source>D: not usually reliable</source>
        <translation>D: များသောအားဖြင့် မယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="183"/>
        <source>E: unreliable</source>
        <translation>E: ယုံကြည်၍ မရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="184"/>
        <source>F: cannot be judged</source>
        <translation>F: ဆုံးဖြတ်၍ မရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="191"/>
        <source>1: confirmed by other sources</source>
        <translation>1: အခြားရင်းမြစ်များက အတည်ပြု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="192"/>
        <source>2: probably true</source>
        <translation>2: မှန်နိုင်ခြေ များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="193"/>
        <source>3: possibly true</source>
        <translation>3: မှန်နိုင်သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="194"/>
        <source>4: doubtful</source>
        <translation>4: သံသယရှိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="195"/>
        <source>5: improbable</source>
        <translation>5: မှန်နိုင်ခြေ နည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="196"/>
        <source>6: cannot be judged</source>
        <translation>6: ဆုံးဖြတ်၍ မရ</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="152"/>
        <source>Search reports (Ctrl+F)</source>
        <translation>သတင်း ရှာရန် (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="153"/>
        <source>Search reports</source>
        <translation>သတင်း ရှာရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="154"/>
        <source>Show reports in state</source>
        <translation>အဆင့်အလိုက် သတင်းများ ပြရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="155"/>
        <source>Show reports about crossing</source>
        <translation>ဂိတ်အလိုက် သတင်းများ ပြရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="156"/>
        <source>&amp;New report</source>
        <translation>သတင်းအသစ် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="157"/>
        <source>Log a new report (Ctrl+N)</source>
        <translation>သတင်းအသစ် မှတ်တမ်းတင်ရန် (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="167"/>
        <source>All states</source>
        <translation>အဆင့်အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="169"/>
        <source>Drafts</source>
        <translation>မူကြမ်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="170"/>
        <source>Queued</source>
        <translation>တန်းစီထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="171"/>
        <location filename="../../desktop/ui/main_page.py" line="318"/>
        <source>Sent</source>
        <translation>ပို့ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="174"/>
        <source>All crossings</source>
        <translation>ဂိတ်အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="241"/>
        <source>No reports yet.

Press Ctrl+N, or New report, to log what you see or hear at a crossing. Drafts are saved as you type.</source>
        <translation>သတင်း မရှိသေးပါ။

ဂိတ်တွင် မြင်ရ ကြားရသည်များကို မှတ်တမ်းတင်ရန် Ctrl+N သို့မဟုတ် “သတင်းအသစ်” ကို နှိပ်ပါ။ ရိုက်နေစဉ် မူကြမ်းကို အလိုအလျောက် သိမ်းသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="247"/>
        <source>No report matches. Clear the search box or choose other filters.</source>
        <translation>ကိုက်ညီသော သတင်း မရှိပါ။ ရှာဖွေကွက်ကို ရှင်းပါ သို့မဟုတ် အခြား စစ်ထုတ်မှုကို ရွေးပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="270"/>
        <source>&amp;Edit draft</source>
        <translation>မူကြမ်း ပြင်မည် (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="273"/>
        <source>&amp;Correct (new revision)</source>
        <translation>မူအသစ်ဖြင့် ပြင်မည် (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="294"/>
        <source>Choose a report in the list to read it here.</source>
        <translation>ဤနေရာတွင် ဖတ်ရန် စာရင်းထဲမှ သတင်းတစ်ခုကို ရွေးပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="304"/>
        <source>(not in the list)</source>
        <translation>(စာရင်းတွင် မပါ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="316"/>
        <source>Draft</source>
        <translation>မူကြမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="317"/>
        <source>Queued for sending</source>
        <translation>ပို့ရန် တန်းစီထားသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="319"/>
        <source>Sent, content removed from this computer</source>
        <translation>ပို့ပြီး၊ ဤကွန်ပျူတာမှ အကြောင်းအရာ ဖယ်ရှားပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="323"/>
        <source>revision {number}</source>
        <translation>ပြင်ဆင်မူ {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="334"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="335"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="348"/>
        <source>Controlled by</source>
        <translation>ထိန်းချုပ်သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="350"/>
        <source>Barrier</source>
        <translation>အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="351"/>
        <source>Shortages</source>
        <translation>ပြတ်လပ်မှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="368"/>
        <source>Price</source>
        <translation>ဈေးနှုန်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="374"/>
        <source>How known</source>
        <translation>သိရပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="386"/>
        <source>Source</source>
        <translation>သတင်းရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_page.py" line="388"/>
        <source>Photos</source>
        <translation>ဓာတ်ပုံများ</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="99"/>
        <source>Photos (JPEG or PNG; location and camera data are removed)</source>
        <translation>ဓာတ်ပုံများ (JPEG သို့မဟုတ် PNG၊ တည်နေရာနှင့် ကင်မရာ အချက်အလက်များကို ဖယ်ရှားသည်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="100"/>
        <source>Add &amp;photos…</source>
        <translation>ဓာတ်ပုံ ထည့်မည် (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="101"/>
        <source>Photos of this report</source>
        <translation>ဤသတင်း၏ ဓာတ်ပုံများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="160"/>
        <source>Photo {number}</source>
        <translation>ဓာတ်ပုံ {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="173"/>
        <source>Add photos</source>
        <translation>ဓာတ်ပုံ ထည့်ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_strip.py" line="173"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>ဓာတ်ပုံများ (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="405"/>
        <source>&amp;Crossing:</source>
        <translation>ဂိတ် (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="406"/>
        <source>Crossing &amp;name:</source>
        <translation>ဂိတ်အမည် (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="407"/>
        <source>Where it is:</source>
        <translation>တည်နေရာ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="408"/>
        <source>&amp;Observed:</source>
        <translation>တွေ့ရှိချိန် (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="409"/>
        <source>Status:</source>
        <translation>အခြေအနေ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="410"/>
        <source>Contro&amp;lled by:</source>
        <translation>ထိန်းချုပ်သူ (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="411"/>
        <source>Civilians who may cross:</source>
        <translation>ဖြတ်ကူးခွင့်ရှိသော အရပ်သား:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="412"/>
        <source>People stranded:</source>
        <translation>ပိတ်မိနေသူ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="413"/>
        <source>&amp;How known:</source>
        <translation>သိရပုံ (&amp;H):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="423"/>
        <source>The crossing is not in the list</source>
        <translation>ဂိတ်သည် စာရင်းတွင် မပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="424"/>
        <source>Name of the crossing not in the list</source>
        <translation>စာရင်းတွင် မပါသော ဂိတ်၏ အမည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="425"/>
        <source>e.g. the footpath 2 km north of Laiza</source>
        <translation>ဥပမာ- လိုင်ဇာ၏ မြောက်ဘက် 2 ကီလိုမီတာရှိ လူသွားလမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="426"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="427"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="428"/>
        <source>China side status</source>
        <translation>တရုတ်ဘက် အခြေအနေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="429"/>
        <source>Myanmar side status</source>
        <translation>မြန်မာဘက် အခြေအနေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="434"/>
        <source>your local time</source>
        <translation>သင့်ဒေသ အချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="434"/>
        <source>Myanmar time</source>
        <translation>မြန်မာ စံတော်ချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="436"/>
        <source>People stranded or turned back</source>
        <translation>ပိတ်မိနေသူ သို့မဟုတ် ပြန်လှည့်ခိုင်းခံရသူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="437"/>
        <source>An estimate is fine. Leave at — if nobody said.</source>
        <translation>ခန့်မှန်းခြေ ရပါသည်။ မည်သူမျှ မပြောလျှင် — အတိုင်း ထားပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="438"/>
        <source>What may pass</source>
        <translation>ဖြတ်သန်းခွင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="447"/>
        <source>Barrier on the Myanmar side</source>
        <translation>မြန်မာဘက်ရှိ အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="451"/>
        <source>Shortages in town</source>
        <translation>မြို့တွင်း ပြတ်လပ်မှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="454"/>
        <source>Prices</source>
        <translation>ဈေးနှုန်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="457"/>
        <location filename="../../desktop/ui/report_form.py" line="692"/>
        <source>Commodity</source>
        <translation>ကုန်ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="457"/>
        <source>Unit</source>
        <translation>ယူနစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="457"/>
        <location filename="../../desktop/ui/report_form.py" line="701"/>
        <source>Amount</source>
        <translation>ငွေပမာဏ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="457"/>
        <source>Currency</source>
        <translation>ငွေကြေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="466"/>
        <source>&amp;Add price</source>
        <translation>ဈေးနှုန်း ထည့်မည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="467"/>
        <source>Remove price</source>
        <translation>ဈေးနှုန်း ဖယ်မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="468"/>
        <source>Source (never a name)</source>
        <translation>သတင်းရင်းမြစ် (အမည် မထည့်ရ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="470"/>
        <source>Who:</source>
        <translation>မည်သူ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="471"/>
        <source>Reliability:</source>
        <translation>ယုံကြည်ရမှု:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="472"/>
        <source>Credibility:</source>
        <translation>မှန်နိုင်ခြေ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="473"/>
        <source>Pseudonym:</source>
        <translation>အမည်ဝှက်:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="475"/>
        <source>&amp;Generate pseudonym</source>
        <translation>အမည်ဝှက် ထုတ်မည် (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="476"/>
        <source>Source category</source>
        <translation>ရင်းမြစ် အမျိုးအစား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="477"/>
        <source>Source reliability</source>
        <translation>ရင်းမြစ် ယုံကြည်ရမှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="478"/>
        <source>Information credibility</source>
        <translation>သတင်း မှန်နိုင်ခြေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="479"/>
        <source>Source pseudonym</source>
        <translation>ရင်းမြစ် အမည်ဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="492"/>
        <source>&amp;What happened:</source>
        <translation>ဖြစ်ပျက်ပုံ (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="509"/>
        <source>&amp;Back to list</source>
        <translation>စာရင်းသို့ ပြန်မည် (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="494"/>
        <source>What happened</source>
        <translation>ဖြစ်ပျက်ပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="495"/>
        <source>This text looks like Zawgyi</source>
        <translation>ဤစာသားသည် ဇော်ဂျီ ဖြစ်ပုံရသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="498"/>
        <source>Gatewatch stores Burmese as Unicode so editors can read and search it. Convert the text below?</source>
        <translation>အယ်ဒီတာများ ဖတ်နိုင်၊ ရှာနိုင်ရန် Gatewatch သည် မြန်မာစာကို ယူနီကုဒ်ဖြင့် သိမ်းသည်။ အောက်ပါ စာသားကို ပြောင်းမလား။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="502"/>
        <source>As typed (Zawgyi)</source>
        <translation>ရိုက်ထားသည့်အတိုင်း (ဇော်ဂျီ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="503"/>
        <source>Converted (Unicode)</source>
        <translation>ပြောင်းပြီး (ယူနီကုဒ်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="504"/>
        <source>Con&amp;vert to Unicode</source>
        <translation>ယူနီကုဒ်သို့ ပြောင်းမည် (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="505"/>
        <source>&amp;Save draft</source>
        <translation>မူကြမ်း သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="506"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="507"/>
        <source>&amp;Queue for sending</source>
        <translation>ပို့ရန် တန်းစီမည် (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="508"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="510"/>
        <source>Esc. The draft is kept.</source>
        <translation>Esc။ မူကြမ်းကို သိမ်းထားသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="514"/>
        <source>Correct a sent report (new revision)</source>
        <translation>ပို့ပြီးသတင်းကို ပြင်ခြင်း (မူအသစ်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="516"/>
        <source>Edit draft</source>
        <translation>မူကြမ်း ပြင်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="518"/>
        <source>New report</source>
        <translation>သတင်းအသစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="691"/>
        <source>e.g. diesel</source>
        <translation>ဥပမာ- ဒီဇယ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="768"/>
        <source>Draft saved at {time}</source>
        <translation>မူကြမ်းကို {time} တွင် သိမ်းပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="782"/>
        <source>Not saved: {reason}</source>
        <translation>မသိမ်းနိုင်ပါ: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="812"/>
        <source>Not ready to send</source>
        <translation>ပို့ရန် အဆင်သင့် မဖြစ်သေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="813"/>
        <source>Please complete these fields first:</source>
        <translation>ဤအကွက်များကို အရင် ဖြည့်ပါ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="815"/>
        <source>Kept as a draft.</source>
        <translation>မူကြမ်းအဖြစ် ထားသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="838"/>
        <source>This looks like a phone number. A number can lead straight back to your source: remove it, or send anyway if it is public (an office or a hotline).</source>
        <translation>ဖုန်းနံပါတ်နှင့် တူသည်။ နံပါတ်တစ်ခုက သင့်သတင်းရင်းမြစ်ဆီ တိုက်ရိုက် ခြေရာခံမိစေနိုင်သည်- ဖယ်ရှားပါ၊ သို့မဟုတ် လူသိရှင်ကြား နံပါတ် (ရုံး သို့မဟုတ် ဖုန်းလိုင်း) ဖြစ်လျှင် ဆက်ပို့ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="842"/>
        <source>This looks like an e-mail address. It can identify your source: remove it, or send anyway if it is public.</source>
        <translation>အီးမေးလ်လိပ်စာနှင့် တူသည်။ ၎င်းက သင့်သတင်းရင်းမြစ်ကို ဖော်ထုတ်နိုင်သည်- ဖယ်ရှားပါ၊ သို့မဟုတ် လူသိရှင်ကြား လိပ်စာ ဖြစ်လျှင် ဆက်ပို့ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="846"/>
        <source>This looks like a national registration card (NRC) number. It names one person: remove it unless the person agreed to be named.</source>
        <translation>နိုင်ငံသားစိစစ်ရေးကတ် (မှတ်ပုံတင်) နံပါတ်နှင့် တူသည်။ ၎င်းက လူတစ်ဦးကို အမည်ဖော်သည်- ထိုသူက အမည်ဖော်ရန် သဘောတူမှသာ ထားပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="850"/>
        <source>This looks like a vehicle plate. A plate can identify a driver or a trader: remove it, or send anyway if it does not point to your source.</source>
        <translation>ယာဉ်နံပါတ်ပြားနှင့် တူသည်။ နံပါတ်ပြားက ယာဉ်မောင်း သို့မဟုတ် ကုန်သည်ကို ဖော်ထုတ်နိုင်သည်- ဖယ်ရှားပါ၊ သို့မဟုတ် သင့်သတင်းရင်းမြစ်ကို မညွှန်ပြလျှင် ဆက်ပို့ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="860"/>
        <source>Personal details found</source>
        <translation>ကိုယ်ရေးအချက်အလက် တွေ့သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="863"/>
        <source>This report seems to contain details that could identify someone. Sources can be put in danger by them.</source>
        <translation>ဤသတင်းတွင် လူတစ်ဦးကို ဖော်ထုတ်နိုင်သည့် အချက်အလက်များ ပါပုံရသည်။ ၎င်းတို့ကြောင့် သတင်းရင်းမြစ်များ အန္တရာယ် ကျရောက်နိုင်သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="868"/>
        <source>&amp;Edit the report</source>
        <translation>သတင်းကို ပြင်မည် (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="869"/>
        <source>Send &amp;anyway</source>
        <translation>ဤအတိုင်း ပို့မည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_form.py" line="918"/>
        <source>Photo stored in the encrypted store.</source>
        <translation>ဓာတ်ပုံကို ကုဒ်ဝှက် သိုလှောင်ခန်းတွင် သိမ်းပြီး။</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="53"/>
        <source>Observed</source>
        <translation>တွေ့ရှိချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="54"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="55"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="56"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="57"/>
        <source>State</source>
        <translation>အဆင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="58"/>
        <source>Summary</source>
        <translation>အကျဉ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="128"/>
        <source>(not in the list)</source>
        <translation>(စာရင်းတွင် မပါ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="133"/>
        <source>Draft</source>
        <translation>မူကြမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="134"/>
        <source>Queued</source>
        <translation>တန်းစီထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="135"/>
        <source>Sent</source>
        <translation>ပို့ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="136"/>
        <source>Sent (removed)</source>
        <translation>ပို့ပြီး (ဖယ်ရှားပြီး)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="146"/>
        <source>open</source>
        <translation>ဖွင့်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="147"/>
        <source>closed</source>
        <translation>ပိတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="148"/>
        <source>restricted</source>
        <translation>ကန့်သတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_model.py" line="149"/>
        <source>unknown</source>
        <translation>မသိ</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="64"/>
        <source>Settings</source>
        <translation>ဆက်တင်များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="71"/>
        <source> min</source>
        <translation> မိနစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="75"/>
        <source>never</source>
        <translation>မဖျက်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="80"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="84"/>
        <source>&amp;Language:</source>
        <translation>ဘာသာစကား (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="85"/>
        <source>&amp;Lock after idle:</source>
        <translation>မသုံးဘဲ ကြာလျှင် သော့ခတ် (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="86"/>
        <source>&amp;Wipe after wrong passphrases:</source>
        <translation>စကားဝှက် မှားလျှင် ဖျက်မည့် အကြိမ် (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="87"/>
        <source>Largest photo &amp;edge:</source>
        <translation>ဓာတ်ပုံ အရှည်ဆုံးဘက် (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="95"/>
        <source>Wiping after wrong passphrases protects you if the laptop is taken; 0 turns it off. Larger photos are scaled down when they are added.</source>
        <translation>လက်ပ်တော့ အသိမ်းခံရလျှင် စကားဝှက် မှားသည့်အခါ ဖျက်ပစ်ခြင်းက သင့်ကို ကာကွယ်ပေးသည်။ 0 ဆိုလျှင် ပိတ်ထားသည်။ ပိုကြီးသော ဓာတ်ပုံများကို ထည့်သည့်အခါ သေးအောင် ချုံ့သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="102"/>
        <source>&amp;Save</source>
        <translation>သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="103"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="216"/>
        <source>Gatewatch is locked</source>
        <translation>Gatewatch ကို သော့ခတ်ထားသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="217"/>
        <source>&amp;Passphrase:</source>
        <translation>စကားဝှက် (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="218"/>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="219"/>
        <source>&amp;Unlock</source>
        <translation>သော့ဖွင့်မည် (&amp;U)</translation>
    </message>
</context>
</TS>
