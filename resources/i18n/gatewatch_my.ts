<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="my_MM">
<context>
    <name>AttentionView</name>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="71"/>
        <source>Enter opens the report in the inbox. I goes to the inbox, where J, K, V, F and R triage from the keyboard (? lists the keys).</source>
        <translation>Enter ဖြင့် သ​တင်း​ကို ဝင်​စာ​တွင် ဖွင့်​သည်။ I ဖြင့် ဝင်​စာ​သို့ သွား​သည်၊ ထို​တွင် J၊ K၊ V၊ F နှင့် R ဖြင့် ကီး​ဘုတ်​မှ စီ​စစ်​နိုင်​သည် (? ဖြင့် ကီး​များ​ကို ပြ​သည်)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="75"/>
        <source>What needs attention</source>
        <translation>အာရုံစိုက်ရန် လိုသည်များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="115"/>
        <source>Answers that arrived ({count})</source>
        <translation>ရောက်​လာ​သော အ​ဖြေ​များ ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="119"/>
        <source>Conflicts on the board ({count})</source>
        <translation>ဘုတ်​ပေါ်​ရှိ ကွဲ​လွဲ​မှု​များ ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="122"/>
        <source>{crossing}: {aspect}, verified reports disagree</source>
        <translation>{crossing}: {aspect}၊ စစ်​ဆေး​ပြီး သ​တင်း​များ မ​တူ​ညီ​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="127"/>
        <source>Assigned to me ({count})</source>
        <translation>ကျွန်ုပ်​ထံ ပေး​အပ်​ထား​သည် ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="130"/>
        <source>New reports ({count})</source>
        <translation>သ​တင်း​အ​သစ်​များ ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/attention.py" line="135"/>
        <source>… and {count} more in the inbox</source>
        <translation>… ဝင်​စာ​တွင် နောက်​ထပ် {count} ခု ရှိ​သည်</translation>
    </message>
</context>
<context>
    <name>BoardAge</name>
    <message>
        <location filename="../../desktop/ui/desk/board_age.py" line="21"/>
        <source>%1 days ago</source>
        <translation>လွန်ခဲ့သော %1 ရက်က</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_age.py" line="23"/>
        <source>%1 hours ago</source>
        <translation>လွန်ခဲ့သော %1 နာရီက</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_age.py" line="25"/>
        <source>an hour ago</source>
        <translation>လွန်ခဲ့သော တစ်နာရီက</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_age.py" line="26"/>
        <source>just now</source>
        <translation>ယခုလေးတင်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_age.py" line="34"/>
        <source>last confirmed %1</source>
        <translation>နောက်ဆုံးအတည်ပြုချိန် %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_age.py" line="38"/>
        <source>(stale)</source>
        <translation>(ဟောင်းနေပြီ)</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="52"/>
        <location filename="../../desktop/ui/desk/board_view.py" line="344"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="54"/>
        <location filename="../../desktop/ui/desk/board_view.py" line="345"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="56"/>
        <location filename="../../desktop/ui/desk/board_view.py" line="348"/>
        <source>Civilians</source>
        <translation>အရပ်သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="205"/>
        <source>Updating…</source>
        <translation>အသစ် ပြင်ဆင်နေသည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="238"/>
        <source>Updated %1</source>
        <translation>%1 တွင် အသစ် ပြင်ဆင်ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="133"/>
        <source>Since %1</source>
        <translation>%1 ကတည်းက</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="153"/>
        <source>Allowed: %1</source>
        <translation>ခွင့်ပြု: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="157"/>
        <source>Blocked: %1</source>
        <translation>ပိတ်ပင်: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="177"/>
        <source>Conflict: %1 %2</source>
        <translation>ကွဲလွဲမှု: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="294"/>
        <source>No crossing changed since then.</source>
        <translation>ထို​အ​ချိန်​မှ​စ၍ ပြောင်း​လဲ​သော ဂိတ် မ​ရှိ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="337"/>
        <source>Gate status board</source>
        <translation>ဂိတ် အခြေအနေ ဘုတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="338"/>
        <source>Refresh</source>
        <translation>အသစ် ပြမည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="339"/>
        <source>What changed since</source>
        <translation>ပြောင်းလဲမှုများ၊ ဤအချိန်မှစ၍</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="343"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="347"/>
        <source>Traffic</source>
        <translation>သွားလာမှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="349"/>
        <source>Flags</source>
        <translation>သတိပြုရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="350"/>
        <source>Sources</source>
        <translation>ရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="351"/>
        <source>Last change</source>
        <translation>နောက်ဆုံး ပြောင်းချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="169"/>
        <source>Stale: %1 %2</source>
        <translation>ဟောင်းနေပြီ- %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="190"/>
        <source>Independent sources (a pseudonym on one device), per side</source>
        <translation>ဘက်​တစ်​ဖက်​စီ၏ သီး​ခြား ရင်း​မြစ်​များ (ကိ​ရိ​ယာ တစ်​ခု​ပေါ်​ရှိ အ​မည်​ဝှက် တစ်​ခု)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="303"/>
        <location filename="../../desktop/ui/desk/board_view.py" line="346"/>
        <source>Reported, unverified</source>
        <translation>သတင်းပို့ထားသည်၊ အတည်မပြုရသေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_cells.py" line="91"/>
        <source>Click to list the reports behind these flags</source>
        <translation>ဤ​အ​မှတ်​အ​သား​များ၏ နောက်​ကွယ်​ရှိ သ​တင်း​ပို့​ချက်​များ​ကို ပြ​ရန် နှိပ်​ပါ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/board_view.py" line="274"/>
        <source>%1: %2 (%n source(s))</source>
        <translation>
            <numerusform>%1: %2 (သ​တင်း​ရင်း​မြစ် %n ခု)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/board_view.py" line="284"/>
        <source>Reported in reports not yet verified; the verified status is beside it. Click to list the reports.</source>
        <translation>အ​တည်​မ​ပြု​ရ​သေး​သော သ​တင်း​ပို့​ချက်​များ​တွင် ပါ​သည်။ အ​တည်​ပြု​ထား​သော အ​ခြေ​အ​နေ​ကို ဘေး​တွင် ပြ​ထား​သည်။ သ​တင်း​ပို့​ချက်​များ​ကို ပြ​ရန် နှိပ်​ပါ။</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="123"/>
        <location filename="../../desktop/ui/desk/pdf.py" line="101"/>
        <source>Gate status briefing</source>
        <translation>ဂိတ် အခြေအနေ အစီရင်ခံချက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="165"/>
        <source>No prices or shortages in verified reports.</source>
        <translation>အ​တည်​ပြု​ပြီး သ​တင်း​များ​တွင် ဈေး​နှုန်း သို့​မ​ဟုတ် ရှား​ပါး​မှု မ​ပါ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="169"/>
        <source>Prices and shortages</source>
        <translation>ဈေးနှုန်းနှင့် ရှားပါးမှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="200"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="201"/>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="154"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="202"/>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="156"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="203"/>
        <source>Sources</source>
        <translation>ရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="204"/>
        <source>Last change</source>
        <translation>နောက်ဆုံး ပြောင်းချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="205"/>
        <source>Flags</source>
        <translation>သတိပြုရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="274"/>
        <source>Map</source>
        <translation>မြေပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="292"/>
        <source>What changed since {since}</source>
        <translation>{since} က​တည်း​က ပြောင်း​လဲ​ခဲ့​သည်​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="305"/>
        <source>No crossing changed.</source>
        <translation>ပြောင်းလဲသော ဂိတ် မရှိပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="346"/>
        <source>conflicting reports</source>
        <translation>ဆန့်ကျင်သော သတင်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="348"/>
        <source>reported change, unverified</source>
        <translation>ပြောင်း​လဲ​ကြောင်း သ​တင်း​ရ၊ မ​စစ်​ဆေး​ရ​သေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="158"/>
        <source>Civilians who may pass</source>
        <translation>ဖြတ်ခွင့်ရသော အရပ်သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="54"/>
        <source>Prepared by {desk} at {time}.</source>
        <translation>{desk} က {time} တွင် ပြင်​ဆင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="57"/>
        <source>Period covered: {since} to {until}.</source>
        <translation>ကာလ- {since} မှ {until} အထိ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="60"/>
        <source>Reports in the period: {verified} verified, {unreviewed} not yet reviewed.</source>
        <translation>ကာ​လ​အ​တွင်း သ​တင်း​များ- အ​တည်​ပြု​ပြီး {verified} ခု၊ မ​စစ်​ဆေး​ရ​သေး {unreviewed} ခု။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="63"/>
        <source>Times are Myanmar time (MMT, UTC+06:30).</source>
        <translation>အ​ချိန်​များ​သည် မြန်​မာ​စံ​တော်​ချိန် (MMT, UTC+06:30) ဖြစ်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="117"/>
        <source>{time} {who}: {aspect} {value} (now {before}), 1 source, unverified</source>
        <translation>{time} {who} - {aspect} {value} (ယ​ခု {before})၊ ရင်း​မြစ် ၁ ခု၊ အ​တည်​မ​ပြု​ရ​သေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="133"/>
        <source>residents report</source>
        <translation>ဒေသခံများက ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="134"/>
        <source>traders report</source>
        <translation>ကုန်သည်များက ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="135"/>
        <source>drivers report</source>
        <translation>ယာဉ်မောင်းများက ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="136"/>
        <source>mine workers report</source>
        <translation>သတ္တု​တွင်း​လုပ်​သား​များ​က ပြော​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="137"/>
        <source>people close to an armed group report</source>
        <translation>လက်​နက်​ကိုင်​အ​ဖွဲ့​နှင့် နီး​စပ်​သူ​များ​က ပြော​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="140"/>
        <source>officials report</source>
        <translation>အရာရှိများက ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="141"/>
        <source>aid workers report</source>
        <translation>အ​ကူ​အ​ညီ​ပေး​ရေး​လုပ်​သား​များ​က ပြော​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="142"/>
        <source>a source reports</source>
        <translation>ရင်းမြစ်တစ်ခုက ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="145"/>
        <source>our correspondent reports</source>
        <translation>ကျွန်ုပ်​တို့ သ​တင်း​ထောက်​က ပြော​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="95"/>
        <source>Conflict, {aspect}: {sides}</source>
        <translation>ကွဲလွဲမှု၊ {aspect}- {sides}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="100"/>
        <source>Page {number} of {total} · Contains unpublished material: for the newsroom only. Source pseudonyms are never included in a briefing.</source>
        <translation>စာ​မျက်​နှာ {number}/{total} · မ​ထုတ်​ပြန်​ရ​သေး​သော အ​ချက်​အ​လက် ပါ​ဝင်​သည်- သ​တင်း​ဌာ​န​အ​တွင်း​သာ။ ရင်း​မြစ်၏ အ​မည်​ဝှက်​ကို အ​စီ​ရင်​ခံ​ချက်​တွင် ဘယ်​တော့​မှ မ​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="130"/>
        <source>Contains unpublished material: for the newsroom only.</source>
        <translation>မ​ထုတ်​ပြန်​ရ​သေး​သော အ​ချက်​အ​လက် ပါ​ဝင်​သည်- သ​တင်း​ဌာ​န​အ​တွင်း​သာ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="152"/>
        <source>Crossings in detail</source>
        <translation>ဂိတ်များ အသေးစိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_text.py" line="105"/>
        <source>{time} {aspect}: {before} → {after}</source>
        <translation>{time} {aspect}: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_pages.py" line="344"/>
        <source>stale: not confirmed lately</source>
        <translation>ဟောင်း​နေ​ပြီ- မ​ကြာ​သေး​မီ​က အ​တည်​မ​ပြု​ရ​သေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="22"/>
        <source>Changes since the previous briefing, made {time}.</source>
        <translation>ယ​ခင် အ​စီ​ရင်​ခံ​ချက် ({time}) မှ​စ၍ ပြောင်း​လဲ​မှု​များ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="25"/>
        <source>No earlier briefing: changes since the start of the period, {time}.</source>
        <translation>ယ​ခင် အ​စီ​ရင်​ခံ​ချက် မ​ရှိ​ပါ- ကာ​လ​အ​စ {time} မှ​စ၍ ပြောင်း​လဲ​မှု​များ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="35"/>
        <source>Shortages: {list}</source>
        <translation>ရှားပါးမှုများ- {list}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="41"/>
        <source>New shortages: {list}</source>
        <translation>ရှားပါးမှု အသစ်များ- {list}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="47"/>
        <source>No longer reported short: {list}</source>
        <translation>ရှား​ပါး​ကြောင်း မ​ကြား​ရ​တော့​သည်​များ- {list}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="58"/>
        <source>new since then</source>
        <translation>ထိုအချိန်မှစ၍ အသစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="60"/>
        <source>up {delta} from {before}</source>
        <translation>{before} မှ {delta} တက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="64"/>
        <source>down {delta} from {before}</source>
        <translation>{before} မှ {delta} ကျ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="68"/>
        <source>unchanged</source>
        <translation>မပြောင်းလဲ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/briefing_market.py" line="69"/>
        <source>{commodity}: {amount} {currency}/{unit} ({time}), {trend}</source>
        <translation>{commodity}- {amount} {currency}/{unit} ({time})၊ {trend}</translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="128"/>
        <source>Move to</source>
        <translation>သို့ ရွှေ့​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="129"/>
        <source>Assign</source>
        <translation>ပေး​အပ်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="130"/>
        <source>Tag</source>
        <translation>တဂ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="131"/>
        <source>Add as note</source>
        <translation>မှတ်​ချက်​အ​ဖြစ် ထည့်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="132"/>
        <source>Add as tag</source>
        <translation>တဂ်​အ​ဖြစ် ထည့်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="133"/>
        <source>A note or a tag for every selected report</source>
        <translation>ရွေး​ထား​သော သ​တင်း​တိုင်း​အ​တွက် မှတ်​ချက် သို့​မ​ဟုတ် တဂ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="134"/>
        <source>Note or tag for the selected reports</source>
        <translation>ရွေး​ထား​သော သ​တင်း​များ​အ​တွက် မှတ်​ချက် သို့​မ​ဟုတ် တဂ်</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/bulk.py" line="141"/>
        <source>Undo the move of %n report(s)</source>
        <translation>
            <numerusform>သ​တင်း %n ခု၏ ရွှေ့​ချက်​ကို ပြန်​ပြင်​မည်</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="145"/>
        <source>Each goes back to the state before, as a new move; a report another move reached since stays as it is. Possible for {minutes} minutes.</source>
        <translation>တစ်​ခု​ချင်း​စီ ယ​ခင်​အ​ခြေ​အ​နေ​သို့ ရွှေ့​ချက်​အ​သစ်​အ​ဖြစ် ပြန်​သွား​သည်။ ထို့​နောက် အ​ခြား​ရွှေ့​ချက် ရောက်​ခဲ့​သော သ​တင်း​မှာ ယ​ခု​အ​တိုင်း ကျန်​သည်။ {minutes} မိ​နစ်​အ​တွင်း ပြု​လုပ်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="158"/>
        <source>Assign to me</source>
        <translation>ကျွန်ုပ်​ထံ ပေး​အပ်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="160"/>
        <source>Unassign</source>
        <translation>ပေး​အပ်​မှု ဖြုတ်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="135"/>
        <location filename="../../desktop/ui/desk/bulk.py" line="176"/>
        <source>{count} selected</source>
        <translation>{count} ခု ရွေး​ထား​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="295"/>
        <source>A tag has 1 to {count} characters of text.</source>
        <translation>တဂ်​တစ်​ခု​တွင် စာ​လုံး ၁ လုံး​မှ {count} လုံး​အ​ထိ ရှိ​ရ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="299"/>
        <source>No desk known here has that name.</source>
        <translation>ဤ​နေ​ရာ​တွင် သိ​ထား​သော အယ်​ဒီ​တာ စား​ပွဲ​များ​ထဲ ထို​အ​မည် မ​ရှိ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="301"/>
        <source>Nothing to change: it is already so.</source>
        <translation>ပြောင်း​စ​ရာ မ​ရှိ​ပါ- ထို​အ​တိုင်း ရှိ​ပြီး​ဖြစ်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="309"/>
        <source>Undone for {done} of {total} reports.</source>
        <translation>သ​တင်း {total} ခု​အ​နက် {done} ခု​ကို ပြန်​ပြင်​ပြီး​ပါ​ပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="311"/>
        <source>Done for {done} of {total} reports.</source>
        <translation>သ​တင်း {total} ခု​အ​နက် {done} ခု​အ​တွက် ပြီး​ပါ​ပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="316"/>
        <source>{n} refused: the review rules do not allow that move from the state they are in.</source>
        <translation>{n} ခု ငြင်း​ပယ်​ခံ​ရ​သည်- ယ​ခု​အ​ခြေ​အ​နေ​မှ ထို​သို့ ရွှေ့​ခြင်း​ကို စစ်​ဆေး​မှု စည်း​မျဉ်း​များ​က ခွင့်​မ​ပြု​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="320"/>
        <source>{n} refused: not at this desk.</source>
        <translation>{n} ခု ငြင်း​ပယ်​ခံ​ရ​သည်- ဤ​အယ်​ဒီ​တာ​ထံ မ​ရှိ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="321"/>
        <source>{n} left as they were: already so.</source>
        <translation>{n} ခု မူ​လ​အ​တိုင်း ထား​သည်- ထို​အ​တိုင်း ရှိ​ပြီး​ဖြစ်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="322"/>
        <source>{n} not undone: another move was made since.</source>
        <translation>{n} ခု ပြန်​မ​ပြင်​ရ- ထို့​နောက် အ​ခြား​ရွှေ့​ချက် ပြု​လုပ်​ခဲ့​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="325"/>
        <source>{n} not undone: the move is more than ten minutes old.</source>
        <translation>{n} ခု ပြန်​မ​ပြင်​ရ- ရွှေ့​ချက်​မှာ ဆယ်​မိ​နစ်​ထက် ကြာ​သွား​ပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/bulk.py" line="330"/>
        <source>{n} refused.</source>
        <translation>{n} ခု ငြင်း​ပယ်​ခံ​ရ​သည်။</translation>
    </message>
</context>
<context>
    <name>CommodityField</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/commodity.py" line="72"/>
        <source>{field}: other, in your words</source>
        <translation>{field}: အခြား၊ ကိုယ်ပိုင်​စကားဖြင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/commodity.py" line="78"/>
        <source>other…</source>
        <translation>အခြား…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/commodity.py" line="81"/>
        <source>what, in your words</source>
        <translation>ဘာလဲ၊ ကိုယ်ပိုင်​စကားဖြင့်</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="40"/>
        <source>Connect to newsroom</source>
        <translation>သတင်းဌာနနှင့် ချိတ်ဆက်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="43"/>
        <source>Paste the invite your newsroom admin gave you. It lets this computer send reports, sealed so that only the newsroom can read them.</source>
        <translation>သ​တင်း​ဌာ​န စီ​မံ​သူ ပေး​ထား​သော ဖိတ်​စာ​ကို ဤ​နေ​ရာ​တွင် ကူး​ထည့်​ပါ။ ၎င်း​ဖြင့် ဤ​ကွန်​ပျူ​တာ​မှ သ​တင်း​များ ပို့​နိုင်​မည်။ သ​တင်း​ဌာ​န​သာ ဖတ်​နိုင်​အောင် ကုဒ်​ဝှက်​ပြီး ပို့​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="51"/>
        <source>Only if the invite does not include it</source>
        <translation>ဖိတ်စာတွင် မပါမှသာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="53"/>
        <source>e.g. Laiza laptop (no names)</source>
        <translation>ဥ​ပ​မာ- လိုင်​ဇာ လက်ပ်​တော့ (လူ​အ​မည် မ​ထည့်​ရ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="61"/>
        <source>&amp;Invite:</source>
        <translation>ဖိတ်စာ (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="62"/>
        <source>&amp;Server address:</source>
        <translation>ဆာဗာ လိပ်စာ (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="63"/>
        <source>&amp;This computer&apos;s label:</source>
        <translation>ဤ​ကွန်​ပျူ​တာ၏ အ​မှတ်​အ​သား (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="64"/>
        <source>&amp;Proxy (Tor):</source>
        <translation>ပရောက်စီ Tor (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="76"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="107"/>
        <source>Paste the whole invite first: the test uses it.</source>
        <translation>ဖိတ်​စာ တစ်​ခု​လုံး​ကို အ​ရင် ကူး​ထည့်​ပါ- စမ်း​သပ်​မှု​က ၎င်း​ကို သုံး​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="110"/>
        <source>The invite does not name the server: type the server address.</source>
        <translation>ဖိတ်​စာ​တွင် ဆာ​ဗာ မ​ပါ​ပါ- ဆာ​ဗာ လိပ်​စာ​ကို ရိုက်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="74"/>
        <source>C&amp;onnect</source>
        <translation>ချိတ်ဆက်မည် (&amp;O)</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="43"/>
        <source>Connection to the newsroom</source>
        <translation>သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​မှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="46"/>
        <source>Where internet is watched or blocked, send through Tor: start Tor or Tor Browser on this computer, then choose Use Tor. Test the connection before you rely on it.</source>
        <translation>အင်​တာ​နက်​ကို စောင့်​ကြည့် သို့​မ​ဟုတ် ပိတ်​ဆို့​ထား​သော နေ​ရာ​တွင် Tor ဖြင့် ပို့​ပါ- ဤ​ကွန်​ပျူ​တာ​တွင် Tor သို့​မ​ဟုတ် Tor Browser ကို ဖွင့်​ပြီး Tor သုံး​မည် ကို ရွေး​ပါ။ အား​မ​ကိုး​မီ ချိတ်​ဆက်​မှု​ကို စမ်း​သပ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="56"/>
        <source>Server:</source>
        <translation>ဆာ​ဗာ-</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="57"/>
        <source>&amp;Proxy (Tor):</source>
        <translation>ပရောက်စီ Tor (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="66"/>
        <source>&amp;Save</source>
        <translation>သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="67"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="98"/>
        <source>Not connected to a newsroom yet: use Tools → Connect to newsroom first.</source>
        <translation>သ​တင်း​ဌာ​န​နှင့် မ​ချိတ်​ဆက်​ရ​သေး​ပါ- ကိ​ရိ​ယာ​များ → သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​မည် ကို အ​ရင် သုံး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="119"/>
        <source>Connection saved.</source>
        <translation>ချိတ်​ဆက်​မှု သိမ်း​ပြီး။</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="54"/>
        <source>Every step works: the server answers and accepts this computer.</source>
        <translation>အ​ဆင့်​တိုင်း အ​လုပ်​လုပ်​သည်- ဆာ​ဗာ​က ဖြေ​ပြီး ဤ​ကွန်​ပျူ​တာ​ကို လက်​ခံ​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="58"/>
        <source>The proxy does not answer. If you use Tor, start Tor or Tor Browser and keep it open, then try again; otherwise check the proxy address.</source>
        <translation>ပ​ရောက်​စီ​က မ​ဖြေ​ပါ။ Tor သုံး​လျှင် Tor သို့​မ​ဟုတ် Tor Browser ကို ဖွင့်​ထား​ပြီး ထပ်​ကြိုး​စား​ပါ၊ မ​ဟုတ်​လျှင် ပ​ရောက်​စီ လိပ်​စာ​ကို စစ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="63"/>
        <source>The server&apos;s name cannot be found. Check the server address; if names are blocked where you are, use Tor.</source>
        <translation>ဆာ​ဗာ၏ အ​မည်​ကို ရှာ​မ​တွေ့​ပါ။ ဆာ​ဗာ လိပ်​စာ​ကို စစ်​ပါ၊ သင့်​နေ​ရာ​တွင် အ​မည်​များ​ကို ပိတ်​ထား​လျှင် Tor သုံး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="68"/>
        <source>The server cannot be reached: the connection is blocked or the server is down. Use Tor if you can, or try again later.</source>
        <translation>ဆာ​ဗာ​ကို ဆက်​သွယ်၍ မ​ရ​ပါ- ချိတ်​ဆက်​မှု ပိတ်​ခံ​ရ​သည် သို့​မ​ဟုတ် ဆာ​ဗာ ရပ်​နေ​သည်။ ဖြစ်​နိုင်​လျှင် Tor သုံး​ပါ၊ သို့​မ​ဟုတ် နောက်​မှ ထပ်​ကြိုး​စား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="73"/>
        <source>The server&apos;s certificate is not the newsroom&apos;s: someone may be in the way. Do not connect; tell your editor.</source>
        <translation>ဆာ​ဗာ၏ လက်​မှတ် (certificate) သည် သ​တင်း​ဌာ​န၏ လက်​မှတ် မ​ဟုတ်​ပါ- တစ်​စုံ​တစ်​ယောက် ကြား​ဖြတ်​နေ​နိုင်​သည်။ မ​ချိတ်​ဆက်​ပါ​နှင့်၊ အယ်​ဒီ​တာ​ကို အ​သိ​ပေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="78"/>
        <source>The server is reached but does not accept this computer&apos;s invite or token. Ask the newsroom admin for a new invite.</source>
        <translation>ဆာ​ဗာ​သို့ ရောက်​သော်​လည်း ဤ​ကွန်​ပျူ​တာ၏ ဖိတ်​စာ သို့​မ​ဟုတ် တို​ကင်​ကို လက်​မ​ခံ​ပါ။ သ​တင်း​ဌာ​န စီ​မံ​သူ​ထံ ဖိတ်​စာ​အ​သစ် တောင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="86"/>
        <source>The test could not be run: check the addresses typed.</source>
        <translation>စမ်း​သပ်၍ မ​ရ​ပါ- ရိုက်​ထား​သော လိပ်​စာ​များ​ကို စစ်​ပါ။</translation>
    </message>
</context>
<context>
    <name>ConnectionTestBox</name>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="110"/>
        <source>Use &amp;Tor (found on this computer)</source>
        <translation>ဤ​ကွန်​ပျူ​တာ​တွင် တွေ့​သော Tor ကို သုံး​မည် (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="113"/>
        <source>Test co&amp;nnection</source>
        <translation>ချိတ်​ဆက်​မှု စမ်း​သပ်​မည် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_test.py" line="152"/>
        <source>Testing the connection…</source>
        <translation>ချိတ်​ဆက်​မှု​ကို စမ်း​သပ်​နေ​သည်…</translation>
    </message>
</context>
<context>
    <name>ControlSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="59"/>
        <source>Control and barrier</source>
        <translation>ထိန်းချုပ်သူနှင့် အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="63"/>
        <source>controlled by {who}</source>
        <translation>{who} ထိန်း​ချုပ်ထားသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="68"/>
        <source>Controlled &amp;by:</source>
        <translation>ထိန်းချုပ်သူ (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="70"/>
        <source>Barrier on the Myanmar side:</source>
        <translation>မြန်မာဘက်ရှိ အတားအဆီး:</translation>
    </message>
</context>
<context>
    <name>CorrespondentHandcarryActions</name>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="39"/>
        <source>Send by h&amp;and…</source>
        <translation>လက်​ဖြင့် သယ်​ပို့​မည် (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="41"/>
        <source>Write the reports waiting for the newsroom into one file to carry</source>
        <translation>သ​တင်း​ဌာ​န​အ​တွက် စောင့်​နေ​သော သ​တင်း​များ​ကို သယ်​ရန် ဖိုင်​တစ်​ခု​ထဲ ရေး​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="43"/>
        <source>&amp;Import receipts…</source>
        <translation>လက်​ခံ​ဖြတ်​ပိုင်း ထည့်​မည် (&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="50"/>
        <source>Save the file to carry as</source>
        <translation>သယ်​မည့် ဖိုင်​ကို သိမ်း​မည့်​အ​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="54"/>
        <source>Writing the file…</source>
        <translation>ဖိုင် ရေး​နေ​သည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="64"/>
        <source>File written</source>
        <translation>ဖိုင် ရေး​ပြီး</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="66"/>
        <source>%n report(s) written to {file}. Carry the file to the newsroom desk. The reports stay in your list, marked carried, until receipts come back.</source>
        <translation>
            <numerusform>သ​တင်း %n ခု​ကို {file} သို့ ရေး​ပြီး​ပါ​ပြီ။ ဖိုင်​ကို သ​တင်း​ဌာ​န အယ်​ဒီ​တာ​ထံ သယ်​ပါ။ လက်​ခံ​ဖြတ်​ပိုင်း ပြန်​ရ​သည်​အ​ထိ သ​တင်း​များ​သည် သယ်​ပြီး​ဟု မှတ်၍ စာ​ရင်း​တွင် ကျန်​နေ​မည်။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="76"/>
        <source>Import receipts from</source>
        <translation>လက်​ခံ​ဖြတ်​ပိုင်း ထည့်​မည့် ဖိုင်</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="86"/>
        <source>Receipts applied: %n report(s) are now with the newsroom.</source>
        <translation>
            <numerusform>လက်​ခံ​ဖြတ်​ပိုင်း ထည့်​ပြီး- သ​တင်း %n ခု သ​တင်း​ဌာ​န​သို့ ရောက်​ပြီ။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="89"/>
        <source>The desk asks:</source>
        <translation>အယ်​ဒီ​တာ​က မေး​သည်-</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="91"/>
        <source>Answer them beside each report in your list.</source>
        <translation>စာ​ရင်း​ရှိ သ​တင်း​တစ်​ခု​စီ​ဘေး​တွင် ဖြေ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/handcarry_actions.py" line="92"/>
        <source>Receipts imported</source>
        <translation>လက်​ခံ​ဖြတ်​ပိုင်း ထည့်​ပြီး</translation>
    </message>
</context>
<context>
    <name>CorrespondentRole</name>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="236"/>
        <source>Delete draft</source>
        <translation>မူကြမ်း ဖျက်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="238"/>
        <source>Delete this draft and its photos from this computer? There is no undo.</source>
        <translation>ဤ​မူ​ကြမ်း​နှင့် ၎င်း၏ ဓာတ်​ပုံ​များ​ကို ဤ​ကွန်​ပျူ​တာ​မှ ဖျက်​မ​လား။ ပြန်​ယူ၍ မ​ရ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="240"/>
        <source>&amp;Delete</source>
        <translation>ဖျက်မည် (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="241"/>
        <source>&amp;Keep it</source>
        <translation>မဖျက်ပါ (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="258"/>
        <source>Draft deleted.</source>
        <translation>မူကြမ်းကို ဖျက်ပြီးပါပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="267"/>
        <source>Queued for sending.</source>
        <translation>ပို့ရန် တန်းစီထားပြီး။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="288"/>
        <source>{shown} of {total} reports</source>
        <translation>သ​တင်း {total} ခု​အ​နက် {shown} ခု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="318"/>
        <source>Paste the invite first.</source>
        <translation>ဖိတ်စာကို အရင် ကူးထည့်ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/role.py" line="330"/>
        <source>Connected to the newsroom.</source>
        <translation>သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​ပြီး​ပါ​ပြီ။</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="27"/>
        <source>new</source>
        <translation>အသစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="28"/>
        <source>needs follow-up</source>
        <translation>ထပ်မံ စုံစမ်းရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="29"/>
        <source>verified</source>
        <translation>စစ်ဆေးပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="30"/>
        <source>rejected</source>
        <translation>ပယ်ချပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="31"/>
        <source>published</source>
        <translation>ထုတ်ပြန်ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="39"/>
        <source>(not in the list)</source>
        <translation>(စာရင်းတွင် မပါ)</translation>
    </message>
</context>
<context>
    <name>DeskConnectDialog</name>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="114"/>
        <source>Connect to server</source>
        <translation>ဆာဗာနှင့် ချိတ်ဆက်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="120"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="118"/>
        <source>C&amp;onnect</source>
        <translation>ချိတ်ဆက်မည် (&amp;O)</translation>
    </message>
</context>
<context>
    <name>DeskConnectForm</name>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="64"/>
        <source>Server &amp;address:</source>
        <translation>ဆာဗာ လိပ်စာ (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="65"/>
        <source>Desk &amp;token:</source>
        <translation>အယ်ဒီတာ တိုကင် (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="66"/>
        <source>TLS &amp;fingerprint:</source>
        <translation>TLS လက်ဗွေ (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="67"/>
        <source>&amp;Proxy (Tor):</source>
        <translation>ပရောက်စီ Tor (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="74"/>
        <source>Only if the server admin gave you one</source>
        <translation>ဆာဗာ စီမံသူက ပေးမှသာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/connect.py" line="79"/>
        <source>Type the server address and the desk token first.</source>
        <translation>ဦး​စွာ ဆာ​ဗာ လိပ်​စာ​နှင့် အယ်​ဒီ​တာ တို​ကင်​ကို ရိုက်​ထည့်​ပါ။</translation>
    </message>
</context>
<context>
    <name>DeskErrors</name>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="76"/>
        <source>The passphrase does not open this key file. Check it with the editor who exported it. Nothing was changed.</source>
        <translation>ဤ သော့​ဖိုင်​ကို ဤ​စ​ကား​ဝှက်​ဖြင့် မ​ဖွင့်​နိုင်​ပါ။ ထုတ်​ပေး​ခဲ့​သော အယ်​ဒီ​တာ​နှင့် စစ်​ပါ။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="82"/>
        <source>This file is not a newsroom key export, or it is damaged. Ask the editor who exported it for the file again. Nothing was changed.</source>
        <translation>ဤ​ဖိုင်​သည် သ​တင်း​ဌာ​န သော့ ထုတ်​ယူ​ထား​သော ဖိုင် မ​ဟုတ်​ပါ၊ သို့​မ​ဟုတ် ပျက်​စီး​နေ​သည်။ ထုတ်​ပေး​ခဲ့​သော အယ်​ဒီ​တာ​ထံ ဖိုင်​ကို ထပ်​တောင်း​ပါ။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="88"/>
        <source>This desk already holds another newsroom key. Nothing was changed.</source>
        <translation>ဤ အယ်​ဒီ​တာ စား​ပွဲ​တွင် အ​ခြား သ​တင်း​ဌာ​န သော့ ရှိ​ပြီး ဖြစ်​သည်။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="92"/>
        <source>The server already holds another desk signing key: someone with a desk token registered one that does not come from this newsroom&apos;s key. Nothing was saved. Tell the server admin at once.</source>
        <translation>ဆာ​ဗာ​တွင် အ​ခြား အယ်​ဒီ​တာ လက်​မှတ်​သော့ တစ်​ခု ရှိ​နေ​ပြီ — အယ်​ဒီ​တာ တို​ကင် ရှိ​သူ တစ်​ဦး​က ဤ​သ​တင်း​ဌာ​န၏ သော့​မှ မ​ဆင်း​သက်​သော သော့​ကို မှတ်​ပုံ​တင်​ထား​သည်။ ဘာ​မျှ မ​သိမ်း​ရ​သေး​ပါ။ ဆာ​ဗာ စီ​မံ​သူ​ကို ချက်​ချင်း အ​ကြောင်း​ကြား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="99"/>
        <source>This desk is not connected to a server yet: use Connect to server… first.</source>
        <translation>ဤ အယ်​ဒီ​တာ စား​ပွဲ​သည် ဆာ​ဗာ​နှင့် မ​ချိတ်​ဆက်​ရ​သေး​ပါ။ ဦး​စွာ ဆာ​ဗာ​နှင့် ချိတ်​ဆက်​မည်… ကို သုံး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="104"/>
        <source>The server refused the desk token. Check it, or ask the server admin for a new desk token.</source>
        <translation>ဆာ​ဗာ​က အယ်​ဒီ​တာ တို​ကင်​ကို လက်​မ​ခံ​ပါ။ စစ်​ပါ၊ သို့​မ​ဟုတ် ဆာ​ဗာ စီ​မံ​သူ​ထံ တို​ကင်​အ​သစ် တောင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="110"/>
        <source>This is a correspondent&apos;s token, not a desk token. Ask the server admin.</source>
        <translation>ဤ​တို​ကင်​သည် သ​တင်း​ထောက်၏ တို​ကင် ဖြစ်​ပြီး အယ်​ဒီ​တာ တို​ကင် မ​ဟုတ်​ပါ။ ဆာ​ဗာ စီ​မံ​သူ​ကို မေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="41"/>
        <source>This report&apos;s review is now “{state}” (another desk may have moved it). From there it can go to: {allowed}.</source>
        <translation>ဤ​သ​တင်း​သည် ယ​ခု “{state}” ဖြစ်​နေ​ပြီ (အ​ခြား အယ်​ဒီ​တာ စား​ပွဲ​က ပြောင်း​ထား​နိုင်​သည်)။ ထို​မှ {allowed} သို့​သာ ပြောင်း​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="47"/>
        <source>, </source>
        <comment>between the names of review states</comment>
        <translation>၊ </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="52"/>
        <source>This report is not at this desk. Pull, then look for it again.</source>
        <translation>ဤ​သ​တင်း​သည် ဤ အယ်​ဒီ​တာ စား​ပွဲ​တွင် မ​ရှိ​ပါ။ ဆွဲ​ယူ​ပြီး​မှ ထပ်​ရှာ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="56"/>
        <source>A desk label has 1 to {count} characters.</source>
        <translation>အယ်​ဒီ​တာ စား​ပွဲ အ​မည်​သည် စာ​လုံး ၁ လုံး​မှ {count} လုံး​အ​ထိ ဖြစ်​ရ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="60"/>
        <source>A note has at most {count} characters. Shorten it, then add it again.</source>
        <translation>မှတ်​ချက်​တစ်​ခု​သည် စာ​လုံး {count} လုံး​ထက် မ​ပို​ရ​ပါ။ တို​အောင်​ပြင်​ပြီး ထပ်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/text.py" line="64"/>
        <source>There is no move of yours to undo: it is too old, or another desk moved the report since.</source>
        <translation>ပြန်​ပြင်​ရန် သင့် ရွှေ့​ချက် မ​ရှိ​ပါ- ကြာ​လွန်း​ပြီ၊ သို့​မ​ဟုတ် အ​ခြား အယ်​ဒီ​တာ စား​ပွဲ​က ဤ​သ​တင်း​ကို နောက်​ထပ် ရွှေ့​ထား​ပြီ။</translation>
    </message>
</context>
<context>
    <name>DeskFollowupBox</name>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="75"/>
        <source>Ask the correspondent</source>
        <translation>သတင်းထောက်ကို မေးရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="78"/>
        <source>A question for the correspondent who sent this report. It is sealed to their device; the server cannot read it.</source>
        <translation>ဤ​သ​တင်း​ကို ပို့​သော သ​တင်း​ထောက်​အ​တွက် မေး​ခွန်း။ ၎င်း၏ ကိ​ရိ​ယာ​သို့ တံ​ဆိပ်​ခတ်၍ ပို့​သည်၊ ဆာ​ဗာ​က မ​ဖတ်​နိုင်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="82"/>
        <source>&amp;Ask</source>
        <translation>မေးမည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="142"/>
        <source>No question has been asked about this report.</source>
        <translation>ဤ​သ​တင်း​အ​ကြောင်း မေး​ခွန်း မ​မေး​ရ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="148"/>
        <source>this desk</source>
        <translation>ဤ အယ်ဒီတာ စားပွဲ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="149"/>
        <source>{who}, {when}</source>
        <translation>{who}၊ {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="152"/>
        <source>Answer, {when}</source>
        <translation>အဖြေ၊ {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="155"/>
        <source>Corrected as report {id}</source>
        <translation>သ​တင်း {id} အ​ဖြစ် ပြင်​ဆင်​ထား​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="158"/>
        <source>Sent to the device; no answer yet.</source>
        <translation>ကိ​ရိ​ယာ​သို့ ပို့​ပြီး၊ အ​ဖြေ မ​ရ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="163"/>
        <source>Waiting: the device has not synced since it was updated, so it has no key for questions yet.</source>
        <translation>စောင့်​နေ​သည်- ကိ​ရိ​ယာ​ကို အ​ဆင့်​မြှင့်​ပြီး​နောက် မ​ချိန်​ကိုက်​ရ​သေး​သ​ဖြင့် မေး​ခွန်း​အ​တွက် သော့ မ​ရှိ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="178"/>
        <source>Waiting to be sent with the next pull.</source>
        <translation>နောက်​တစ်​ကြိမ် ဆွဲ​ယူ​ရာ​တွင် ပို့​ရန် စောင့်​နေ​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/followup.py" line="172"/>
        <source>Cannot be sent: the device registered a key nothing can be sealed to. Ask its correspondent to enroll the laptop again.</source>
        <translation>ပို့​၍ မ​ရ​ပါ- ကိ​ရိ​ယာ​က မှတ်​ပုံ​တင်​ထား​သော သော့​သို့ ဘာ​မျှ တံ​ဆိပ်​ခတ်​၍ မ​ရ​ပါ။ ၎င်း​၏ သ​တင်း​ထောက်​ကို ဖိတ်​စာ​အ​သစ်​ဖြင့် ပြန်​လည် ချိတ်​ဆက်​ရန် ပြော​ပါ။</translation>
    </message>
</context>
<context>
    <name>DeskHandcarryActions</name>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="93"/>
        <source>&amp;Import hand-carried file…</source>
        <translation>လက်​ဖြင့် သယ်​လာ​သော ဖိုင် ထည့်​မည် (&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="94"/>
        <source>Write &amp;receipts for a computer…</source>
        <translation>ကွန်​ပျူ​တာ​အ​တွက် လက်​ခံ​ဖြတ်​ပိုင်း ရေး​မည် (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="103"/>
        <source>Import the hand-carried file</source>
        <translation>လက်​ဖြင့် သယ်​လာ​သော ဖိုင် ထည့်​ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="107"/>
        <source>Opening the hand-carried file…</source>
        <translation>လက်​ဖြင့် သယ်​လာ​သော ဖိုင်​ကို ဖွင့်​နေ​သည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="118"/>
        <source>Hand-carried file imported</source>
        <translation>လက်​ဖြင့် သယ်​လာ​သော ဖိုင် ထည့်​ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="127"/>
        <source>This file was already imported on {date}: nothing is stored twice.</source>
        <translation>ဤ​ဖိုင်​ကို {date} တွင် ထည့်​ပြီး ဖြစ်​သည်- ဘာ​မျှ နှစ်​ခါ မ​သိမ်း​ပါ။</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="131"/>
        <source>%n new report(s) stored</source>
        <translation>
            <numerusform>သ​တင်း​အ​သစ် %n ခု သိမ်း​ပြီး</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="132"/>
        <source>, %n photo(s) complete.</source>
        <translation>
            <numerusform>၊ ဓာတ်​ပုံ %n ပုံ ပြည့်​စုံ။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="137"/>
        <source>%n item(s) were refused and not stored: {reasons}.</source>
        <translation>
            <numerusform>%n ခု​ကို လက်​မ​ခံ​ဘဲ မ​သိမ်း​ပါ- {reasons}။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="145"/>
        <source>%n item(s) come from a computer this desk does not know yet: the server brings them at a pull once that computer has synced.</source>
        <translation>
            <numerusform>%n ခု​သည် ဤ​စား​ပွဲ မ​သိ​သေး​သော ကွန်​ပျူ​တာ​မှ ဖြစ်​သည်- ထို​ကွန်​ပျူ​တာ ချိန်​ကိုက်​ပြီး​နောက် ဆွဲ​ယူ​သည့်​အ​ခါ ဆာ​ဗာ​က ယူ​လာ​မည်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="154"/>
        <source>%n item(s) handed on to the server for the other desks.</source>
        <translation>
            <numerusform>အ​ခြား အယ်​ဒီ​တာ​များ​အ​တွက် %n ခု​ကို ဆာ​ဗာ​သို့ လွှဲ​ပေး​ပြီး။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="160"/>
        <source>The server could not be reached: the items are handed on at the next pull.</source>
        <translation>ဆာ​ဗာ​ကို ဆက်​သွယ်၍ မ​ရ​ပါ- နောက်​တစ်​ကြိမ် ဆွဲ​ယူ​သည့်​အ​ခါ လွှဲ​ပေး​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="166"/>
        <source>This desk is not connected to a server: the items are handed on at the first pull once it is.</source>
        <translation>ဤ​စား​ပွဲ​သည် ဆာ​ဗာ​နှင့် မ​ချိတ်​ဆက်​ရ​သေး​ပါ- ချိတ်​ဆက်​ပြီး ပ​ထ​မ ဆွဲ​ယူ​သည့်​အ​ခါ လွှဲ​ပေး​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="187"/>
        <source>Write receipts for a computer</source>
        <translation>ကွန်​ပျူ​တာ​တစ်​လုံး​အ​တွက် လက်​ခံ​ဖြတ်​ပိုင်း ရေး​ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="189"/>
        <source>This desk knows no correspondent&apos;s computer yet: pull once with a connection, or import a hand-carried file first.</source>
        <translation>ဤ​စား​ပွဲ​သည် သ​တင်း​ထောက် ကွန်​ပျူ​တာ တစ်​လုံး​မှ မ​သိ​သေး​ပါ- အင်​တာ​နက်​ဖြင့် တစ်​ကြိမ် ဆွဲ​ယူ​ပါ၊ သို့​မ​ဟုတ် လက်​ဖြင့် သယ်​လာ​သော ဖိုင်​ကို အ​ရင် ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="203"/>
        <source>Save the receipts as</source>
        <translation>လက်​ခံ​ဖြတ်​ပိုင်း​ကို သိမ်း​မည့်​အ​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="220"/>
        <source>Receipts written</source>
        <translation>လက်​ခံ​ဖြတ်​ပိုင်း ရေး​ပြီး</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="221"/>
        <source>Receipts for %n item(s) written to {file}</source>
        <translation>
            <numerusform>%n ခု​အ​တွက် လက်​ခံ​ဖြတ်​ပိုင်း​ကို {file} သို့ ရေး​ပြီး</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="224"/>
        <source>, with %n question(s).</source>
        <translation>
            <numerusform>၊ မေး​ခွန်း %n ခု ပါ​သည်။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="227"/>
        <source>Carry the file back to the correspondent: Report → Import receipts… on their computer.</source>
        <translation>ဖိုင်​ကို သ​တင်း​ထောက်​ထံ ပြန်​သယ်​ပါ- ၎င်း၏ ကွန်​ပျူ​တာ​တွင် သ​တင်း → လက်​ခံ​ဖြတ်​ပိုင်း ထည့်​မည်…။</translation>
    </message>
</context>
<context>
    <name>DeskInbox</name>
    <message>
        <location filename="../../desktop/ui/desk/inbox.py" line="97"/>
        <source>Reports at the desk</source>
        <translation>အယ်​ဒီ​တာ​ထံ ရောက်​ရှိ​သော သ​တင်း​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox.py" line="219"/>
        <source>{shown} of {total} reports</source>
        <translation>သ​တင်း {total} ခု​အ​နက် {shown} ခု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox.py" line="224"/>
        <source>No reports at this desk yet.

Press Pull (F5) to fetch what the correspondents have sent to the newsroom server.</source>
        <translation>ဤ အယ်​ဒီ​တာ စား​ပွဲ​တွင် သ​တင်း မ​ရှိ​သေး​ပါ။

သ​တင်း​ထောက်​များ သ​တင်း​ဌာ​န ဆာ​ဗာ​သို့ ပို့​ထား​သည်​ကို ဆွဲ​ယူ​ရန် ဆွဲ​ယူ​မည် (F5) ကို နှိပ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox.py" line="230"/>
        <source>No report matches. Clear the search box or choose other filters.</source>
        <translation>ကိုက်​ညီ​သော သ​တင်း မ​ရှိ​ပါ။ ရှာ​ဖွေ​ကွက်​ကို ရှင်း​ပါ သို့​မ​ဟုတ် အ​ခြား စစ်​ထုတ်​မှု​ကို ရွေး​ပါ။</translation>
    </message>
</context>
<context>
    <name>DeskMap</name>
    <message>
        <location filename="../../desktop/ui/desk/map_style.py" line="81"/>
        <source>China side: %1</source>
        <translation>တရုတ်ဘက်: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_style.py" line="84"/>
        <source>Myanmar side: %1</source>
        <translation>မြန်မာဘက်: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_style.py" line="89"/>
        <location filename="../../desktop/ui/desk/map_style.py" line="104"/>
        <source>Conflicting verified reports</source>
        <translation>ကွဲ​လွဲ​နေ​သော စစ်​ဆေး​ပြီး သ​တင်း​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_style.py" line="91"/>
        <location filename="../../desktop/ui/desk/map_style.py" line="109"/>
        <source>Reported change, unverified</source>
        <translation>အ​တည်​မ​ပြု​ရ​သေး​သော ပြောင်း​လဲ​မှု သ​တင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_layout.py" line="139"/>
        <source>{km} km</source>
        <translation>{km} ကီလိုမီတာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_layout.py" line="143"/>
        <source>Map data: Natural Earth (public domain)</source>
        <translation>မြေ​ပုံ အ​ချက်​အ​လက်- Natural Earth (public domain)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_layout.py" line="150"/>
        <source>MYANMAR</source>
        <translation>မြန်မာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_layout.py" line="154"/>
        <source>CHINA</source>
        <translation>တရုတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/map_style.py" line="113"/>
        <source>Myanmar–China border</source>
        <translation>မြန်မာ–တရုတ် နယ်စပ်</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="183"/>
        <source>&amp;Pull new reports</source>
        <translation>သတင်းအသစ် ဆွဲယူမည် (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="184"/>
        <source>Fetch new reports and reviews from the server (F5)</source>
        <translation>ဆာ​ဗာ​မှ သ​တင်း​အ​သစ်​နှင့် စိ​စစ်​ချက်​များ ဆွဲ​ယူ​မည် (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="185"/>
        <source>&amp;Connect to server…</source>
        <translation>ဆာ​ဗာ​နှင့် ချိတ်​ဆက်​မည် (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="186"/>
        <source>Export newsroom &amp;key…</source>
        <translation>သ​တင်း​ဌာ​န သော့ ထုတ်​ယူ​မည် (&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="187"/>
        <location filename="../../desktop/ui/desk/page.py" line="190"/>
        <source>&amp;Export…</source>
        <translation>ထုတ်ယူမည် (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="193"/>
        <source>&amp;Inbox</source>
        <translation>ဝင်စာ (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="194"/>
        <source>&amp;Board</source>
        <translation>ဘုတ် (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="316"/>
        <source>Pulling from the server…</source>
        <translation>ဆာဗာမှ ဆွဲယူနေသည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="327"/>
        <source>Pulling… {reports} new reports so far.</source>
        <translation>ဆွဲ​ယူ​နေ​သည်… ယ​ခု​ထိ သ​တင်း​အ​သစ် {reports} ခု။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="346"/>
        <source>The pull failed: {reason}</source>
        <translation>ဆွဲယူ၍ မရပါ- {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="383"/>
        <source>The newsroom key was exported.</source>
        <translation>သ​တင်း​ဌာ​န သော့​ကို ထုတ်​ယူ​ပြီး​ပါ​ပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="188"/>
        <source>&amp;Pull</source>
        <translation>ဆွဲယူမည် (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="289"/>
        <source>Needs attention ({count})</source>
        <translation>အာ​ရုံ​စိုက်​ရန် ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="191"/>
        <source>&amp;Devices…</source>
        <translation>ကိ​ရိ​ယာ​များ (&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="192"/>
        <source>Approve, reject or revoke correspondents&apos; devices</source>
        <translation>သ​တင်း​ထောက်​များ၏ ကိ​ရိ​ယာ​များ​ကို အ​တည်​ပြု၊ ငြင်း​ပယ် သို့​မ​ဟုတ် ရုပ်​သိမ်း​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/page.py" line="195"/>
        <source>Deliver&amp;y</source>
        <translation>ပို့ဆောင်မှု(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>DeskReport</name>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="49"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="50"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="59"/>
        <source>Civilians who may cross</source>
        <translation>ဖြတ်ကူးခွင့်ရှိသော အရပ်သား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="73"/>
        <source>Controlled by</source>
        <translation>ထိန်းချုပ်သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="78"/>
        <source>Barrier</source>
        <translation>အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="79"/>
        <source>Shortages</source>
        <translation>ပြတ်လပ်မှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="86"/>
        <source>Price</source>
        <translation>ဈေးနှုန်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="91"/>
        <source>People stranded or turned back</source>
        <translation>ပိတ်​မိ​နေ​သူ သို့​မ​ဟုတ် ပြန်​လှည့်​ခိုင်း​ခံ​ရ​သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="97"/>
        <source>How known</source>
        <translation>သိရပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="103"/>
        <source>pseudonym {name}</source>
        <translation>အမည်ဝှက် {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="108"/>
        <source>Source</source>
        <translation>သတင်းရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="117"/>
        <source>received from the server</source>
        <translation>ဆာဗာမှ လက်ခံရရှိသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="120"/>
        <source>{desk} moved it to {to}</source>
        <translation>{desk} က {to} သို့ ရွှေ့သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="123"/>
        <source>{desk} moved it from {source} to {to}</source>
        <translation>{desk} က {source} မှ {to} သို့ ရွှေ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="127"/>
        <source>{desk} wrote a note</source>
        <translation>{desk} က မှတ်ချက် ရေးသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="134"/>
        <source>{desk} included it in an export ({format})</source>
        <translation>{desk} က ထုတ်​ယူ​မှု ({format}) တွင် ထည့်​သွင်း​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="143"/>
        <source>an unknown desk</source>
        <translation>မ​သိ​သော စား​ပွဲ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="145"/>
        <source>Refused: a move from {source} to {to} said to be by {desk}</source>
        <translation>ငြင်း​ပယ်​သည်- {desk} ရွှေ့​သည်​ဟု ဆို​သော {source} မှ {to} သို့ ရွှေ့​ချက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="148"/>
        <source>Refused: a review event said to be by {desk}</source>
        <translation>ငြင်း​ပယ်​သည်- {desk} ပြု​လုပ်​သည်​ဟု ဆို​သော စိ​စစ်​ချက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="212"/>
        <source>new crossing, not in the gazetteer</source>
        <translation>ဂိတ်အသစ်၊ ဂိတ်စာရင်းတွင် မပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="217"/>
        <source>Observed {time} · from {device}</source>
        <translation>တွေ့​ရှိ​ချိန် {time} · {device} မှ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="230"/>
        <source>History</source>
        <translation>ဖြစ်စဉ် မှတ်တမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="160"/>
        <source>{desk} unassigned it</source>
        <translation>{desk} က ပေး​အပ်​မှု​ကို ဖြုတ်​ခဲ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="162"/>
        <source>{desk} took it</source>
        <translation>{desk} က ယူ​ခဲ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="163"/>
        <source>{desk} assigned it to {assignee}</source>
        <translation>{desk} က {assignee} ထံ ပေး​အပ်​ခဲ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="168"/>
        <source>{desk} split it off its group of duplicates</source>
        <translation>{desk} က ထပ်​နေ​သော သ​တင်း​အုပ်​စု​မှ ခွဲ​ထုတ်​ခဲ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="171"/>
        <source>{desk} merged it as a duplicate of another report</source>
        <translation>{desk} က အ​ခြား​သ​တင်း​တစ်​ခု၏ ထပ်​နေ​သော သ​တင်း​အ​ဖြစ် ပေါင်း​ခဲ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="175"/>
        <source>{desk} tagged it {tag}</source>
        <translation>{desk} က {tag} တဂ် တပ်​ခဲ့​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/report_view.py" line="178"/>
        <source>{desk} removed the tag {tag}</source>
        <translation>{desk} က {tag} တဂ်​ကို ဖြုတ်​ခဲ့​သည်</translation>
    </message>
</context>
<context>
    <name>DeskRole</name>
    <message>
        <location filename="../../desktop/ui/desk/role.py" line="133"/>
        <source>&amp;Desk</source>
        <translation>အယ်ဒီတာ (&amp;D)</translation>
    </message>
</context>
<context>
    <name>DeskSetupPage</name>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="198"/>
        <source>Set up the editor desk</source>
        <translation>အယ်​ဒီ​တာ စား​ပွဲ စ​တင်​ပြင်​ဆင်​ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="201"/>
        <source>This desk reads the reports the correspondents send. Give it a name the other editors know it by; it is shown beside every move it makes.</source>
        <translation>ဤ အယ်​ဒီ​တာ စား​ပွဲ​သည် သ​တင်း​ထောက်​များ ပို့​သော သ​တင်း​များ​ကို ဖတ်​သည်။ အ​ခြား အယ်​ဒီ​တာ​များ သိ​သော အ​မည်​တစ်​ခု ပေး​ပါ၊ ၎င်း၏ ရွှေ့​ပြောင်း​မှု​တိုင်း​ဘေး​တွင် ပြ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="205"/>
        <source>Desk &amp;name:</source>
        <translation>စားပွဲ အမည် (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="206"/>
        <source>e.g. Night desk (no personal names)</source>
        <translation>ဥ​ပ​မာ ည​ဘက် အယ်​ဒီ​တာ (လူ​အ​မည် မ​ထည့်​ရ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="209"/>
        <source>First editor of the newsroom: make the newsroom key here. Only desks that hold it can read the reports.</source>
        <translation>သ​တင်း​ဌာ​န၏ ပ​ထ​မ အယ်​ဒီ​တာ- သ​တင်း​ဌာ​န သော့​ကို ဤ​နေ​ရာ​တွင် ပြု​လုပ်​ပါ။ ၎င်း​ကို ကိုင်​ထား​သော စား​ပွဲ​များ​သာ သ​တင်း​များ​ကို ဖတ်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="213"/>
        <source>&amp;Create the newsroom key</source>
        <translation>သ​တင်း​ဌာ​န သော့ ပြု​လုပ်​မည် (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="216"/>
        <source>Another editor already has the key: import the key file they exported, with the passphrase they told you.</source>
        <translation>အ​ခြား အယ်​ဒီ​တာ​ထံ သော့ ရှိ​ပြီး- ၎င်း​တို့ ထုတ်​ယူ​ထား​သော သော့​ဖိုင်​ကို ၎င်း​တို့ ပြော​ပြ​သော စ​ကား​ဝှက်​ဖြင့် တင်​သွင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="220"/>
        <location filename="../../desktop/ui/desk/setup.py" line="221"/>
        <source>Key file</source>
        <translation>သော့ဖိုင်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="222"/>
        <source>&amp;Browse…</source>
        <translation>ရွေးမည် (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="223"/>
        <location filename="../../desktop/ui/desk/setup.py" line="224"/>
        <source>The key file&apos;s passphrase</source>
        <translation>သော့ဖိုင်၏ စကားဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="225"/>
        <source>&amp;Import the key file</source>
        <translation>သော့​ဖိုင်​ကို တင်​သွင်း​မည် (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="228"/>
        <source>The newsroom key&apos;s fingerprint. Read it aloud with the other editors and the server admin, group by group: every desk and the server must show the same.</source>
        <translation>သ​တင်း​ဌာ​န သော့၏ လက်​ဗွေ။ အ​ခြား အယ်​ဒီ​တာ​များ၊ ဆာ​ဗာ စီ​မံ​သူ​နှင့်​အ​တူ အုပ်​စု​လိုက် အ​သံ​ထွက် ဖတ်​ပါ- စား​ပွဲ​တိုင်း​နှင့် ဆာ​ဗာ​တွင် အ​တူ​တူ ပြ​ရ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="234"/>
        <source>Give this public key to the server admin (it is not secret). The server accepts reports sealed to it.</source>
        <translation>ဤ အ​များ​သုံး သော့​ကို ဆာ​ဗာ စီ​မံ​သူ​ထံ ပေး​ပါ (လျှို့​ဝှက်​ချက် မ​ဟုတ်​ပါ)။ ဆာ​ဗာ​သည် ၎င်း​ဖြင့် တံ​ဆိပ်​ခတ်​ထား​သော သ​တင်း​များ​ကို လက်​ခံ​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="238"/>
        <source>C&amp;opy</source>
        <translation>ကူးယူမည် (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="239"/>
        <source>&amp;Save to file…</source>
        <translation>ဖိုင်သို့ သိမ်းမည် (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="240"/>
        <source>&amp;Next: connect to the server</source>
        <translation>နောက်​တစ်​ဆင့်- ဆာ​ဗာ​နှင့် ချိတ်​ဆက်​မည် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="243"/>
        <source>Type the server address and the desk token from the server admin. You can also connect later, from the desk.</source>
        <translation>ဆာ​ဗာ စီ​မံ​သူ​ထံ​မှ ဆာ​ဗာ လိပ်​စာ​နှင့် အယ်​ဒီ​တာ တို​ကင်​ကို ရိုက်​ထည့်​ပါ။ နောက်​မှ စား​ပွဲ​မှ​လည်း ချိတ်​ဆက်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="248"/>
        <source>&amp;Connect</source>
        <translation>ချိတ်ဆက်မည် (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="249"/>
        <source>Connect &amp;later</source>
        <translation>နောက်မှ ချိတ်ဆက်မည် (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="269"/>
        <source>Choose the key file and type its passphrase first.</source>
        <translation>ဦး​စွာ သော့​ဖိုင်​ကို ရွေး​ပြီး ၎င်း၏ စ​ကား​ဝှက်​ကို ရိုက်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="310"/>
        <source>Newsroom key file</source>
        <translation>သတင်းဌာန သော့ဖိုင်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/setup.py" line="316"/>
        <source>Save the public key</source>
        <translation>အများသုံး သော့ကို သိမ်းရန်</translation>
    </message>
</context>
<context>
    <name>DeskStatusLine</name>
    <message>
        <location filename="../../desktop/ui/desk/status_line.py" line="31"/>
        <source>Not connected to a server yet (Desk menu, Connect to server…).</source>
        <translation>ဆာ​ဗာ​နှင့် မ​ချိတ်​ဆက်​ရ​သေး​ပါ (အယ်​ဒီ​တာ မီ​နူး၊ ဆာ​ဗာ​နှင့် ချိတ်​ဆက်​မည်…)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/status_line.py" line="33"/>
        <source>Never pulled.</source>
        <translation>မဆွဲယူရသေးပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/status_line.py" line="36"/>
        <source>Last pull {time}.</source>
        <translation>နောက်ဆုံး ဆွဲယူချိန် {time}။</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="38"/>
        <source>%n new report(s).</source>
        <translation>
            <numerusform>သတင်းအသစ် %n ခု။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/status_line.py" line="41"/>
        <source>Moves or questions could not be sent: {reason}</source>
        <translation>အ​ခြေ​အ​နေ ပြောင်း​လဲ​မှု​များ သို့​မ​ဟုတ် မေး​ခွန်း​များ မ​ပို့​နိုင်​ပါ: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="77"/>
        <source>%n envelope(s) refused.</source>
        <translation>
            <numerusform>လက်မခံသော စာအိတ် %n ခု။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="88"/>
        <source>%n review change(s) waiting to be sent.</source>
        <translation>
            <numerusform>ပို့​ရန် စောင့်​နေ​သော စိ​စစ်​မှု ပြောင်း​လဲ​ချက် %n ခု။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/status_line.py" line="90"/>
        <source>Every review change was sent.</source>
        <translation>စိ​စစ်​မှု ပြောင်း​လဲ​ချက် အား​လုံး ပို့​ပြီး​ပါ​ပြီ။</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="48"/>
        <source>This computer&apos;s clock is %n minute(s) ahead of the server&apos;s.</source>
        <translation>
            <numerusform>ဤ​ကွန်​ပျူ​တာ​၏ နာ​ရီ​သည် ဆာ​ဗာ​၏ နာ​ရီ​ထက် %n မိ​နစ် စော​နေ​သည်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="54"/>
        <source>This computer&apos;s clock is %n minute(s) behind the server&apos;s.</source>
        <translation>
            <numerusform>ဤ​ကွန်​ပျူ​တာ​၏ နာ​ရီ​သည် ဆာ​ဗာ​၏ နာ​ရီ​ထက် %n မိ​နစ် နောက်​ကျ​နေ​သည်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="81"/>
        <source>%n review change(s) held: dated ahead of this computer&apos;s clock (gatewatch desk held --accept).</source>
        <translation>
            <numerusform>စိစစ်​မှု ပြောင်း​လဲ​ချက် %n ခု ဆိုင်း​ထား​သည်- ဤ​ကွန်​ပျူ​တာ​၏ နာ​ရီ​ထက် နောက်​ရက်​စွဲ ဖြစ်​သည် (gatewatch desk held --accept)။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="62"/>
        <source>The server renamed %n device(s); this desk keeps the approved names (Desk menu, Devices…).</source>
        <translation>
            <numerusform>ဆာ​ဗာ​က ကိ​ရိ​ယာ %n ခု၏ အ​မည်​ကို ပြောင်း​ထား​သည်၊ ဤ အယ်​ဒီ​တာ စား​ပွဲ​က အ​တည်​ပြု​ထား​သော အ​မည်​များ​ကို​သာ ဆက်​သုံး​သည် (အယ်​ဒီ​တာ မီ​နူး၊ ကိ​ရိ​ယာ​များ…)။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/status_line.py" line="71"/>
        <source>%n report(s) from devices no editor approved (Desk menu, Devices…).</source>
        <translation>
            <numerusform>အယ်​ဒီ​တာ အ​တည်​မ​ပြု​ရ​သေး​သော ကိ​ရိ​ယာ​များ​မှ သ​တင်း %n ခု (အယ်​ဒီ​တာ မီ​နူး၊ ကိ​ရိ​ယာ​များ…)။</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskTags</name>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="14"/>
        <source>Rare earths</source>
        <translation>ရှား​ပါး​မြေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="15"/>
        <source>Fuel</source>
        <translation>လောင်​စာ​ဆီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="16"/>
        <source>Refugees</source>
        <translation>ဒုက္ခ​သည်​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="17"/>
        <source>Food</source>
        <translation>စား​နပ်​ရိက္ခာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="18"/>
        <source>Medicine</source>
        <translation>ဆေး​ဝါး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="19"/>
        <source>Armed clash</source>
        <translation>လက်​နက်​ကိုင် တိုက်​ပွဲ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="20"/>
        <source>Checkpoint fees</source>
        <translation>ဂိတ်​ကြေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="21"/>
        <source>Detentions</source>
        <translation>ဖမ်း​ဆီး​မှု​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="22"/>
        <source>Trade</source>
        <translation>ကုန်​သွယ်​ရေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/tags.py" line="23"/>
        <source>Humanitarian aid</source>
        <translation>လူသားချင်းစာနာမှု အကူအညီ</translation>
    </message>
</context>
<context>
    <name>DeviceChooser</name>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="45"/>
        <source>Write receipts for a computer</source>
        <translation>ကွန်​ပျူ​တာ​တစ်​လုံး​အ​တွက် လက်​ခံ​ဖြတ်​ပိုင်း ရေး​ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="48"/>
        <source>Choose the correspondent&apos;s computer. Its receipt file tells it which of its reports this desk holds, and carries your questions to it. Only that computer can open the file.</source>
        <translation>သ​တင်း​ထောက်၏ ကွန်​ပျူ​တာ​ကို ရွေး​ပါ။ လက်​ခံ​ဖြတ်​ပိုင်း ဖိုင်​က ၎င်း၏ မည်​သည့် သ​တင်း​များ ဤ အယ်​ဒီ​တာ စား​ပွဲ​တွင် ရှိ​ကြောင်း ပြော​ပြ​ပြီး သင့်​မေး​ခွန်း​များ​ကို​လည်း ယူ​ဆောင်​သွား​သည်။ ထို​ကွန်​ပျူ​တာ​သာ ဖိုင်​ကို ဖွင့်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="62"/>
        <source>&amp;Write receipts…</source>
        <translation>လက်​ခံ​ဖြတ်​ပိုင်း ရေး​မည် (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/handcarry_actions.py" line="64"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="96"/>
        <source>Devices</source>
        <translation>ကိ​ရိ​ယာ​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="99"/>
        <source>A device counts as a source only once an editor approves it. Compare the key fingerprint with the one the correspondent reads from their laptop. Until then its reports wait in the inbox under From unapproved devices.</source>
        <translation>အယ်​ဒီ​တာ အ​တည်​ပြု​ပြီး​မှ​သာ ကိ​ရိ​ယာ​တစ်​ခု​ကို ရင်း​မြစ်​အ​ဖြစ် ရေ​တွက်​သည်။ သော့​လက်​ဗွေ​ကို သ​တင်း​ထောက်​က ၎င်း၏ လက်ပ်​တော့​မှ ဖတ်​ပြ​သော လက်​ဗွေ​နှင့် တိုက်​ဆိုင်​စစ်​ဆေး​ပါ။ ထို​အ​ချိန်​အ​ထိ ၎င်း၏ သ​တင်း​များ​သည် ဝင်​စာ​ရှိ အ​တည်​မ​ပြု​ရ​သေး​သော ကိ​ရိ​ယာ​များ​မှ အောက်​တွင် စောင့်​နေ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="106"/>
        <source>Label</source>
        <translation>အ​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="107"/>
        <source>Key fingerprint</source>
        <translation>သော့ လက်​ဗွေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="108"/>
        <source>Enrolled</source>
        <translation>စာ​ရင်း​သွင်း​ချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="109"/>
        <source>State</source>
        <translation>အဆင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="110"/>
        <source>Reports</source>
        <translation>သတင်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="111"/>
        <source>Warnings</source>
        <translation>သ​တိ​ပေး​ချက်​များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="114"/>
        <source>&amp;Approve</source>
        <translation>အ​တည်​ပြု​မည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="115"/>
        <source>Re&amp;ject</source>
        <translation>ငြင်း​ပယ်​မည် (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="116"/>
        <source>Re&amp;voke…</source>
        <translation>ရုပ်​သိမ်း​မည် (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="117"/>
        <source>Revoke the device?</source>
        <translation>ကိ​ရိ​ယာ​ကို ရုပ်​သိမ်း​မ​လား။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="120"/>
        <source>Every desk will refuse the reports this device seals from now on, whatever the server lists. A revocation cannot be undone: the correspondent must be enrolled anew.</source>
        <translation>ယ​ခု​မှ​စ၍ ဤ​ကိ​ရိ​ယာ ပို့​သော သ​တင်း​များ​ကို ဆာ​ဗာ​က မည်​သို့​ပင် ပြ​ပါ​စေ အယ်​ဒီ​တာ စား​ပွဲ​တိုင်း​က ငြင်း​ပယ်​မည်။ ရုပ်​သိမ်း​ခြင်း​ကို ပြန်​ပြင်၍ မ​ရ​ပါ- သ​တင်း​ထောက်​ကို အ​သစ် စာ​ရင်း​သွင်း​ရ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="128"/>
        <source>waiting for approval</source>
        <translation>အ​တည်​ပြု​ချက် စောင့်​နေ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="129"/>
        <source>approved</source>
        <translation>အ​တည်​ပြု​ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="130"/>
        <source>rejected</source>
        <translation>ပယ်ချပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="131"/>
        <source>revoked</source>
        <translation>ရုပ်​သိမ်း​ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/devices.py" line="191"/>
        <source>Decided for {device}; every desk follows after its next pull.</source>
        <translation>{device} အ​တွက် ဆုံး​ဖြတ်​ပြီး၊ အယ်​ဒီ​တာ စား​ပွဲ​တိုင်း​က နောက်​တစ်​ကြိမ် ဆွဲ​ယူ​ပြီး​နောက် လိုက်​နာ​မည်။</translation>
    </message>
</context>
<context>
    <name>DuplicatesBox</name>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="84"/>
        <source>Duplicates</source>
        <translation>ထပ်နေသော သတင်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="85"/>
        <source>Merge under this lead</source>
        <translation>ဤ​ဦး​ဆောင်​သ​တင်း​အောက်​တွင် ပေါင်း​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="88"/>
        <source>Link every other report of the group to the lead chosen: one observation, nothing deleted.</source>
        <translation>အုပ်​စု​ရှိ အ​ခြား​သ​တင်း​အား​လုံး​ကို ရွေး​ထား​သော ဦး​ဆောင်​သ​တင်း​နှင့် ချိတ်​မည်- မြင်​တွေ့​ချက် တစ်​ခု​တည်း၊ ဘာ​မျှ မ​ဖျက်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="92"/>
        <source>Split off</source>
        <translation>ခွဲထုတ်မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="94"/>
        <source>Take this report out of its merged group (on the lead: undo the merge).</source>
        <translation>ဤ​သ​တင်း​ကို ပေါင်း​ထား​သော အုပ်​စု​မှ ခွဲ​ထုတ်​မည် (ဦး​ဆောင်​သ​တင်း​တွင်- ပေါင်း​ခြင်း​ကို ပြန်​ပြင်​မည်)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="96"/>
        <source>Lead report of the group</source>
        <translation>အုပ်စု၏ ဦးဆောင်သတင်း</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/duplicates.py" line="138"/>
        <source>This report and %n other(s) tell of one observation.</source>
        <translation>
            <numerusform>ဤ​သ​တင်း​နှင့် အ​ခြား %n ခု​သည် မြင်​တွေ့​ချက် တစ်​ခု​တည်း​ကို ပြော​သည်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/duplicates.py" line="141"/>
        <source>%n independent source(s).</source>
        <translation>
            <numerusform>သီးခြား သတင်းရင်းမြစ် %n ခု။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/duplicates.py" line="145"/>
        <source>Merged under the report of {time}.</source>
        <translation>{time} ၏ သ​တင်း​အောက်​တွင် ပေါင်း​ထား​သည်။</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="41"/>
        <source>Duress passphrase</source>
        <translation>အကျပ်ကိုင်ခံရချိန် စကားဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="44"/>
        <source>A second passphrase for when you are forced to unlock. Typed anywhere Gatewatch asks for a passphrase, it destroys this store&apos;s key for good and opens a decoy store instead, in the same time and with the same screens. It cannot reach a copy of this laptop taken before.</source>
        <translation>အ​တင်း​အ​ကျပ် ဖွင့်​ခိုင်း​ခံ​ရ​ချိန်​အ​တွက် ဒု​တိ​ယ စ​ကား​ဝှက်။ Gatewatch က စ​ကား​ဝှက်​တောင်း​သည့် မည်​သည့်​နေ​ရာ​တွင်​မ​ဆို ရိုက်​ထည့်​လျှင် ဤ store ၏ key ကို အ​ပြီး​တိုင် ဖျက်​ဆီး​ပြီး အ​တု​အ​ယောင် store ကို အ​စား​ဖွင့်​ပေး​သည်- အ​ချိန်​တူ၊ မျက်​နှာ​ပြင်​တူ။ ယ​ခင်​က ကူး​ယူ​ထား​သော ဤ​လက်​တော့ပ်၏ မိတ္တူ​ကို​မူ မ​ထိ​နိုင်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="54"/>
        <source>One innocuous note per line (optional)</source>
        <translation>အန္တ​ရာယ်​မ​ရှိ​သော မှတ်​စု တစ်​ကြောင်း​လျှင် တစ်​ခု (မ​ဖြစ်​မ​နေ မ​ဟုတ်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="57"/>
        <source>This store&apos;s passphrase:</source>
        <translation>ဤ store ၏ စကားဝှက်-</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="58"/>
        <source>Duress passphrase:</source>
        <translation>အကျပ်ကိုင်ခံရချိန် စကားဝှက်-</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="59"/>
        <source>Repeat it:</source>
        <translation>ထပ်ရိုက်ပါ-</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="60"/>
        <source>The decoy holds:</source>
        <translation>အ​တု​အ​ယောင် store တွင် ပါ​မည့်​အ​ရာ-</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="66"/>
        <source>&amp;Set duress passphrase</source>
        <translation>အ​ကျပ်​ကိုင်​ခံ​ရ​ချိန် စ​ကား​ဝှက် သတ်​မှတ်​မည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="67"/>
        <source>&amp;Remove it</source>
        <translation>ဖယ်ရှားမည် (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="70"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="89"/>
        <location filename="../../desktop/ui/duress_dialog.py" line="109"/>
        <source>Type this store&apos;s passphrase first.</source>
        <translation>ဤ store ၏ စ​ကား​ဝှက်​ကို အ​ရင် ရိုက်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="92"/>
        <source>The two duress passphrases differ.</source>
        <translation>အ​ကျပ်​ကိုင်​ခံ​ရ​ချိန် စ​ကား​ဝှက် နှစ်​ခု မ​တူ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="96"/>
        <source>The duress passphrase is too easy to guess. Use a few unrelated words.</source>
        <translation>အ​ကျပ်​ကိုင်​ခံ​ရ​ချိန် စ​ကား​ဝှက်​ကို ခန့်​မှန်း​ရ လွယ်​လွန်း​သည်။ မ​ဆက်​စပ်​သော စ​ကား​လုံး အ​နည်း​ငယ် သုံး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="103"/>
        <source>Duress passphrase set.</source>
        <translation>အ​ကျပ်​ကိုင်​ခံ​ရ​ချိန် စ​ကား​ဝှက် သတ်​မှတ်​ပြီး​ပါ​ပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duress_dialog.py" line="114"/>
        <source>The duress passphrase and its decoy were removed.</source>
        <translation>အ​ကျပ်​ကိုင်​ခံ​ရ​ချိန် စ​ကား​ဝှက်​နှင့် အ​တု​အ​ယောင် store ကို ဖယ်​ရှား​ပြီး​ပါ​ပြီ။</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="28"/>
        <location filename="../../desktop/ui/errors.py" line="46"/>
        <source>The passphrase is not correct. Check the keyboard layout and try again.</source>
        <translation>စ​ကား​ဝှက် မ​မှန်​ပါ။ ကီး​ဘုတ်​ဘာ​သာ​စ​ကား​ကို စစ်​ပြီး ထပ်​ကြိုး​စား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="32"/>
        <source>The passphrase is not correct. One more wrong try wipes this store.</source>
        <translation>စ​ကား​ဝှက် မ​မှန်​ပါ။ နောက်​တစ်​ကြိမ် မှား​လျှင် ဤ​သို​လှောင်​ခန်း​ကို ဖျက်​ဆီး​ပါ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="35"/>
        <source>The passphrase is not correct. {count} tries remain before this store is wiped.</source>
        <translation>စ​ကား​ဝှက် မ​မှန်​ပါ။ သို​လှောင်​ခန်း​ကို မ​ဖျက်​မီ {count} ကြိမ် ကျန်​ပါ​သေး​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="40"/>
        <source>Too many wrong passphrases: the store was wiped, as set up. Create a new store to go on.</source>
        <translation>စ​ကား​ဝှက် အ​ကြိမ်​များ​စွာ မှား​သ​ဖြင့် သတ်​မှတ်​ထား​သည့်​အ​တိုင်း သို​လှောင်​ခန်း​ကို ဖျက်​ဆီး​ပြီး​ပါ​ပြီ။ ဆက်​လုပ်​ရန် သို​လှောင်​ခန်း​အ​သစ် ဖန်​တီး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="50"/>
        <source>The store&apos;s key file (store.key) is missing or damaged. Put it back from a backup; without it nobody can open these reports.</source>
        <translation>သို​လှောင်​ခန်း၏ သော့​ဖိုင် (store.key) ပျောက်​နေ​သည် သို့​မ​ဟုတ် ပျက်​နေ​သည်။ အ​ရန်​မိတ္တူ​မှ ပြန်​ထည့်​ပါ၊ ၎င်း​မ​ရှိ​လျှင် ဤ​သ​တင်း​များ​ကို မည်​သူ​မျှ ဖွင့်၍​မ​ရ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="56"/>
        <source>The key file does not fit this store: it belongs to another store, or the store is damaged. Put back this store&apos;s own key file.</source>
        <translation>သော့​ဖိုင်​သည် ဤ​သို​လှောင်​ခန်း​နှင့် မ​ကိုက်​ညီ​ပါ- အ​ခြား​သို​လှောင်​ခန်း၏ ဖိုင်​ဖြစ်​နေ​သည် သို့​မ​ဟုတ် သို​လှောင်​ခန်း ပျက်​နေ​သည်။ ဤ​သို​လှောင်​ခန်း၏ ကိုယ်​ပိုင်​သော့​ဖိုင်​ကို ပြန်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="62"/>
        <source>Gatewatch could not read or write its files: the disk may be full. Free some space, then try again. Nothing already saved was lost.</source>
        <translation>Gatewatch က ဖိုင်​များ​ကို ဖတ်၍/ရေး၍ မ​ရ​ပါ- ဒစ်ခ် ပြည့်​နေ​နိုင်​သည်။ နေ​ရာ​လွတ် ပြု​လုပ်​ပြီး ထပ်​ကြိုး​စား​ပါ။ သိမ်း​ပြီး​သား​များ မ​ပျောက်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="82"/>
        <source>The photo is damaged or incomplete. Copy it again, then add it.</source>
        <translation>ဓာတ်​ပုံ ပျက်​နေ​သည် သို့​မ​ဟုတ် မ​ပြည့်​စုံ​ပါ။ ထပ်​ကူး​ပြီး​မှ ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="85"/>
        <source>The photo file is too large. Make it smaller, then add it.</source>
        <translation>ဓာတ်​ပုံ​ဖိုင် ကြီး​လွန်း​သည်။ သေး​အောင်​လုပ်​ပြီး​မှ ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="88"/>
        <source>The photo has too many pixels. Make it smaller, then add it.</source>
        <translation>ဓာတ်​ပုံ၏ pixel များ​လွန်း​သည်။ သေး​အောင်​လုပ်​ပြီး​မှ ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="91"/>
        <source>The photo file cannot be read. Check that it is still there.</source>
        <translation>ဓာတ်​ပုံ​ဖိုင်​ကို ဖတ်၍​မ​ရ​ပါ။ ဖိုင် ရှိ​နေ​သေး​ကြောင်း စစ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="115"/>
        <source>This is not a whole invite. Copy all of it again, from gwinvite1: to the end.</source>
        <translation>ဖိတ်​စာ အ​ပြည့်​အ​စုံ မ​ဟုတ်​ပါ။ gwinvite1: မှ အ​ဆုံး​အ​ထိ အား​လုံး​ကို ထပ်​ကူး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="119"/>
        <source>The invite does not name the server: type the server address too.</source>
        <translation>ဖိတ်​စာ​တွင် ဆာ​ဗာ မ​ပါ​ပါ။ ဆာ​ဗာ လိပ်​စာ​ကို​ပါ ရိုက်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="122"/>
        <source>The server handed over another newsroom key than the invite names. Nothing was stored. Tell the newsroom admin at once and ask for a new invite.</source>
        <translation>ဆာ​ဗာ​က ဖိတ်​စာ​တွင် ပါ​သော သ​တင်း​ဌာ​န သော့ မ​ဟုတ်​သည့် အ​ခြား​သော့​ကို ပေး​သည်။ ဘာ​မျှ မ​သိမ်း​ရ​သေး​ပါ။ သ​တင်း​ဌာ​န စီ​မံ​သူ​ကို ချက်​ချင်း အ​သိ​ပေး​ပြီး ဖိတ်​စာ​အ​သစ် တောင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="103"/>
        <source>This computer is already connected to a newsroom.</source>
        <translation>ဤ​ကွန်​ပျူ​တာ​သည် သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​ပြီး ဖြစ်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="68"/>
        <source>The passphrase is too easy to guess. Use a few unrelated words; the strength meter shows when it is enough.</source>
        <translation>စ​ကား​ဝှက်​ကို ခန့်​မှန်း​ရ လွယ်​လွန်း​သည်။ မ​ဆိုင်​သော စ​ကား​လုံး အ​နည်း​ငယ်​ကို တွဲ​သုံး​ပါ။ လုံ​လောက်​သည့်​အ​ခါ ခိုင်​မာ​မှု ပြ​ကွက်​က ပြ​ပါ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="130"/>
        <source>This invite was already used. Ask the newsroom admin for a new one (and to check whether this computer is already on the list).</source>
        <translation>ဤ​ဖိတ်​စာ​ကို သုံး​ပြီး ဖြစ်​သည်။ သ​တင်း​ဌာ​န စီ​မံ​သူ​ထံ ဖိတ်​စာ​အ​သစ် တောင်း​ပါ (ဤ​ကွန်​ပျူ​တာ စာ​ရင်း​တွင် ပါ​ပြီ​လား​လည်း စစ်​ခိုင်း​ပါ)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="136"/>
        <source>The newsroom server is overloaded or under attack and refused the request for now. Nothing is lost: try again later.</source>
        <translation>သတင်း​ခန်း ဆာ​ဗာ​သည် ဝန်​ပို​နေ​သည် သို့​မ​ဟုတ် တိုက်​ခိုက်​ခံ​နေ​ရ​သ​ဖြင့် ယ​ခု တောင်း​ဆို​မှု​ကို ငြင်း​လိုက်​သည်။ ဘာ​မျှ မ​ပျောက်​ပါ- နောက်​မှ ထပ်​ကြိုး​စား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="142"/>
        <source>The server cannot be reached. Check the connection, the address and the proxy (Tor), then try again.</source>
        <translation>ဆာ​ဗာ​ကို ဆက်​သွယ်၍ မ​ရ​ပါ။ အင်​တာ​နက်၊ လိပ်​စာ​နှင့် ပ​ရောက်​စီ (Tor) ကို စစ်​ပြီး ထပ်​ကြိုး​စား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="148"/>
        <source>The newsroom revoked this computer: ask your editor for a new invite.</source>
        <translation>သ​တင်း​ဌာ​န​က ဤ​ကွန်​ပျူ​တာ​ကို ပယ်​ဖျက်​ထား​သည်။ အယ်​ဒီ​တာ​ထံ ဖိတ်​စာ​အ​သစ် တောင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="152"/>
        <source>The server does not accept this invite: it may have expired. Ask the newsroom admin for a new one.</source>
        <translation>ဆာ​ဗာ​က ဤ​ဖိတ်​စာ​ကို လက်​မ​ခံ​ပါ။ သက်​တမ်း ကုန်​သွား​နိုင်​သည်။ သ​တင်း​ဌာ​န စီ​မံ​သူ​ထံ ဖိတ်​စာ​အ​သစ် တောင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="164"/>
        <source>The server&apos;s certificate is not the newsroom&apos;s: stop and tell your editor.</source>
        <translation>ဆာ​ဗာ၏ လက်​မှတ် (certificate) သည် သ​တင်း​ဌာ​န၏ လက်​မှတ် မ​ဟုတ်​ပါ။ ရပ်​ပြီး အယ်​ဒီ​တာ​ကို အ​သိ​ပေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="174"/>
        <source>The server address or the proxy is not valid: check how they are typed.</source>
        <translation>ဆာ​ဗာ လိပ်​စာ သို့​မ​ဟုတ် ပ​ရောက်​စီ မှား​နေ​သည်။ ရိုက်​ထား​ပုံ​ကို စစ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="178"/>
        <source>The server did not answer as expected. Try again later, or tell your editor.</source>
        <translation>ဆာ​ဗာ၏ အ​ဖြေ မ​မှန်​ပါ။ နောက်​မှ ထပ်​ကြိုး​စား​ပါ၊ သို့​မ​ဟုတ် အယ်​ဒီ​တာ​ကို အ​သိ​ပေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="158"/>
        <source>This invite was already used, or this server does not know it. Ask the newsroom admin for a new one (and to check whether this computer is already on the list).</source>
        <translation>ဤ​ဖိတ်​စာ​ကို သုံး​ပြီး ဖြစ်​သည် (သို့​မ​ဟုတ်) ဤ ဆာ​ဗာ​က မ​သိ​ပါ။ သ​တင်း​ဌာ​န စီ​မံ​သူ​ထံ ဖိတ်​စာ​အ​သစ် တောင်း​ပါ (ဤ​ကွန်​ပျူ​တာ စာ​ရင်း​တွင် ပါ​ပြီ​လား​လည်း စစ်​ခိုင်း​ပါ)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="168"/>
        <source>An .onion address is reached only through Tor: start Tor and set the proxy to socks5h://127.0.0.1:9050 (Tor Browser: socks5h://127.0.0.1:9150).</source>
        <translation>.onion လိပ်​စာ​ကို Tor ဖြင့်​သာ ဆက်​သွယ်​နိုင်​သည်- Tor ကို ဖွင့်​ပြီး ပ​ရောက်​စီ​ကို socks5h://127.0.0.1:9050 (Tor Browser: socks5h://127.0.0.1:9150) ဟု ထား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="21"/>
        <source>Part of this store is damaged on disk and cannot be read. What is still readable keeps working. Restore your last backup: Tools &gt; Restore from backup.</source>
        <translation>ဤ store ၏ တစ်​စိတ်​တစ်​ပိုင်း ဒစ်​ပေါ်​တွင် ပျက်​စီး​နေ၍ ဖတ်​မ​ရ​ပါ။ ဖတ်​နိုင်​သေး​သည်​များ ဆက်​အ​လုပ်​လုပ်​ပါ​သည်။ နောက်​ဆုံး အ​ရန်​ကူး​ထား​သည်​ကို ပြန်​ထည့်​ပါ- ကိ​ရိ​ယာ​များ &gt; အ​ရန်​မှ ပြန်​ထည့်​ရန်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="78"/>
        <source>Only JPEG, PNG, WebP and HEIC photos can be added. Convert the file, then add it.</source>
        <translation>JPEG၊ PNG၊ WebP နှင့် HEIC ဓာတ်​ပုံ​များ​သာ ထည့်​နိုင်​သည်။ ဖိုင်​ကို ပြောင်း​ပြီး​မှ ထည့်​ပါ။</translation>
    </message>
</context>
<context>
    <name>EssentialsSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="128"/>
        <source>&amp;Crossing:</source>
        <translation>ဂိတ် (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="129"/>
        <source>Crossin&amp;g name:</source>
        <translation>ဂိတ်အမည် (&amp;G):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="130"/>
        <source>W&amp;here it is:</source>
        <translation>တည်နေရာ (&amp;H):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="131"/>
        <source>Obser&amp;ved:</source>
        <translation>တွေ့ရှိချိန် (&amp;V):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="132"/>
        <source>Stat&amp;us:</source>
        <translation>အခြေအနေ (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="139"/>
        <source>The crossing is not in the list</source>
        <translation>ဂိတ်သည် စာရင်းတွင် မပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="140"/>
        <source>Name of the crossing not in the list</source>
        <translation>စာရင်းတွင် မပါသော ဂိတ်၏ အမည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="141"/>
        <source>e.g. the footpath 2 km north of Laiza</source>
        <translation>ဥ​ပ​မာ- လိုင်​ဇာ၏ မြောက်​ဘက် 2 ကီ​လို​မီ​တာ​ရှိ လူ​သွား​လမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="142"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="143"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="144"/>
        <source>China side status</source>
        <translation>တရုတ်ဘက် အခြေအနေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="145"/>
        <source>Myanmar side status</source>
        <translation>မြန်မာဘက် အခြေအနေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="150"/>
        <source>your local time</source>
        <translation>သင့်ဒေသ အချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/essentials.py" line="150"/>
        <source>Myanmar time</source>
        <translation>မြန်မာ စံတော်ချိန်</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="80"/>
        <source>Export</source>
        <translation>ထုတ်ယူခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="84"/>
        <source>CSV table of reports (spreadsheets)</source>
        <translation>သ​တင်း​များ၏ CSV ဇ​ယား (ဇ​ယား​တွက်​ချက်​သည့် ပ​ရို​ဂ​ရမ်​များ​အ​တွက်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="85"/>
        <source>GeoJSON map of the crossings (board status)</source>
        <translation>ဂိတ်​များ၏ GeoJSON မြေ​ပုံ (ဘုတ် အ​ခြေ​အ​နေ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="86"/>
        <source>JSON of the full reports</source>
        <translation>သတင်း အပြည့်အစုံ JSON</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="87"/>
        <source>PDF briefing (board, map, changes)</source>
        <translation>PDF အ​စီ​ရင်​ခံ​ချက် (ဘုတ်၊ မြေ​ပုံ၊ ပြောင်း​လဲ​မှု)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="92"/>
        <source>Any state</source>
        <translation>အခြေအနေ မရွေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="94"/>
        <source>New</source>
        <translation>အသစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="95"/>
        <source>Needs follow-up</source>
        <translation>ထပ်မေးရန် လိုသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="96"/>
        <source>Verified</source>
        <translation>စစ်ဆေးပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="97"/>
        <source>Rejected</source>
        <translation>ပယ်ချပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="98"/>
        <source>Published</source>
        <translation>ထုတ်ဝေပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="109"/>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="183"/>
        <source>Only reports observed since:</source>
        <translation>ဤ​အ​ချိန်​မှ​စ၍ မြင်​သော သ​တင်း​များ​သာ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="116"/>
        <source>Include source &amp;pseudonyms</source>
        <translation>ရင်း​မြစ်၏ အ​မည်​ဝှက်​များ ထည့်​မည် (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="120"/>
        <source>Exports never include source pseudonyms unless you tick this box. Pseudonyms let someone link reports to one source: share them only inside the newsroom.</source>
        <translation>ဤ​အ​ကွက်​ကို အ​မှန်​ခြစ်​မှ​သာ ထုတ်​ယူ​သော ဖိုင်​တွင် ရင်း​မြစ်၏ အ​မည်​ဝှက်​များ ပါ​မည်။ အ​မည်​ဝှက်​ဖြင့် သ​တင်း​များ​ကို ရင်း​မြစ် တစ်​ဦး​တည်း​နှင့် ချိတ်​ဆက်​နိုင်​သည်။ သ​တင်း​ဌာ​န အ​တွင်း၌​သာ မျှ​ဝေ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="126"/>
        <source>Choose where to save the file</source>
        <translation>ဖိုင် သိမ်းမည့်နေရာ ရွေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="127"/>
        <source>&amp;Choose…</source>
        <translation>ရွေးမည် (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="139"/>
        <source>&amp;Format:</source>
        <translation>ပုံစံ (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="140"/>
        <source>&amp;State:</source>
        <translation>အခြေအနေ (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="146"/>
        <source>F&amp;ile:</source>
        <translation>ဖိုင် (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="152"/>
        <source>&amp;Export</source>
        <translation>ထုတ်ယူမည် (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="155"/>
        <source>Cl&amp;ose</source>
        <translation>ပိတ်မည် (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="183"/>
        <source>Changes since:</source>
        <translation>ဤအချိန်မှစ၍ ပြောင်းလဲမှု:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="189"/>
        <source>The state and time choose which reports the board considers; the file holds no pseudonyms.</source>
        <translation>အ​ခြေ​အ​နေ​နှင့် အ​ချိန်​က ဘုတ်​တွင် ထည့်​တွက်​မည့် သ​တင်း​များ​ကို ရွေး​သည်။ ဖိုင်​တွင် အ​မည်​ဝှက် မ​ပါ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="193"/>
        <source>The briefing shows the whole board; the time chooses what counts as changed (the last 24 hours if not set). It holds no pseudonyms.</source>
        <translation>အ​စီ​ရင်​ခံ​ချက်​တွင် ဘုတ် တစ်​ခု​လုံး ပါ​သည်။ အ​ချိန်​က ပြောင်း​လဲ​မှု​အ​ဖြစ် ယူ​မည့်​အ​ရာ​ကို ရွေး​သည် (မ​ရွေး​လျှင် နောက်​ဆုံး 24 နာ​ရီ)။ အ​မည်​ဝှက် မ​ပါ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="221"/>
        <source>Export to</source>
        <translation>ထုတ်ယူမည့်နေရာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="235"/>
        <source>Choose where to save the file first.</source>
        <translation>ဖိုင် သိမ်း​မည့်​နေ​ရာ​ကို အ​ရင် ရွေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="255"/>
        <source>Exporting…</source>
        <translation>ထုတ်ယူနေသည်…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/export_dialog.py" line="318"/>
        <source>Exported %n report(s) to {path}.</source>
        <translation>
            <numerusform>သ​တင်း %n ခု​ကို {path} သို့ ထုတ်​ယူ​ပြီး​ပါ​ပြီ။</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="333"/>
        <source>The file could not be written: the disk is full. Free some space or choose another place. Nothing was written.</source>
        <translation>ဖိုင်​ကို ရေး၍ မ​ရ​ပါ- disk ပြည့်​နေ​သည်။ နေ​ရာ လွတ်​အောင်​လုပ်​ပါ သို့​မ​ဟုတ် အ​ခြား​နေ​ရာ ရွေး​ပါ။ ဘာ​မျှ မ​ရေး​ရ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="337"/>
        <source>The file could not be written there. Choose another folder. Nothing was written.</source>
        <translation>ထို​နေ​ရာ​တွင် ဖိုင်​ကို ရေး၍ မ​ရ​ပါ။ အ​ခြား ဖိုင်​တွဲ ရွေး​ပါ။ ဘာ​မျှ မ​ရေး​ရ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="103"/>
        <source>Internal: everything, for the newsroom</source>
        <translation>အ​တွင်း​သုံး- အား​လုံး၊ သ​တင်း​ဌာ​န​အ​တွက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="105"/>
        <source>External: nothing that identifies a person, verified reports only</source>
        <translation>ပြင်​ပ​သုံး- လူ​ကို ဖော်​ထုတ်​နိုင်​သည့် အ​ရာ မ​ပါ၊ အ​တည်​ပြု​ပြီး သ​တင်း​များ​သာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="141"/>
        <source>P&amp;rofile:</source>
        <translation>ပုံစံ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/export_dialog.py" line="249"/>
        <source>An external export holds no pseudonyms and only verified and published reports: change the state or the profile.</source>
        <translation>ပြင်​ပ​သုံး ထုတ်​ယူ​မှု​တွင် အ​မည်​ဝှက် မ​ပါ၊ အ​တည်​ပြု​ပြီး နှင့် ထုတ်​ပြန်​ပြီး သ​တင်း​များ​သာ ပါ​သည်- အ​ခြေ​အ​နေ သို့​မ​ဟုတ် ပုံ​စံ​ကို ပြောင်း​ပါ။</translation>
    </message>
</context>
<context>
    <name>ExportKeyDialog</name>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="48"/>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="114"/>
        <source>Export newsroom key</source>
        <translation>သတင်းဌာန သော့ ထုတ်ယူခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="51"/>
        <source>The file holds the newsroom&apos;s private key, sealed with the passphrase below. Write the passphrase down and hand it to the other editor separately from the file (never in the same message).</source>
        <translation>ဤ​ဖိုင်​တွင် သ​တင်း​ဌာ​န၏ ကိုယ်​ပိုင် သော့ ပါ​ဝင်​ပြီး အောက်​ပါ စ​ကား​ဝှက်​ဖြင့် တံ​ဆိပ်​ခတ်​ထား​သည်။ စ​ကား​ဝှက်​ကို ချ​ရေး​ထား​ပြီး အ​ခြား အယ်​ဒီ​တာ​ထံ ဖိုင်​နှင့် သီး​ခြား​စီ ပေး​ပါ (စာ​တစ်​စောင်​တည်း​တွင် ဘယ်​တော့​မှ မ​ထည့်​ပါ​နှင့်)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="60"/>
        <source>&amp;New words</source>
        <translation>စကားလုံး အသစ် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="66"/>
        <source>&amp;Browse…</source>
        <translation>ရွေးမည် (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="76"/>
        <source>&amp;Passphrase:</source>
        <translation>စကားဝှက် (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="77"/>
        <source>&amp;Repeat it:</source>
        <translation>ထပ်ရိုက်ပါ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="84"/>
        <source>File</source>
        <translation>ဖိုင်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="85"/>
        <source>File:</source>
        <translation>ဖိုင်:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="91"/>
        <source>&amp;Export</source>
        <translation>ထုတ်ယူမည် (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="93"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="123"/>
        <source>{words} words drawn at random from a list of 7,776: about {bits} bits, beyond any guessing. Write them down now; they are kept nowhere.</source>
        <translation>စ​ကား​လုံး ၇,၇၇၆ လုံး​ထဲ​မှ ကျ​ပန်း ရွေး​ထား​သော စ​ကား​လုံး {words} လုံး- ဘစ် {bits} ခန့်၊ ခန့်​မှန်း၍ မ​ရ​နိုင်​ပါ။ ယ​ခု​ပင် ချ​ရေး​ထား​ပါ၊ မည်​သည့်​နေ​ရာ​တွင်​မျှ သိမ်း​မ​ထား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="135"/>
        <source>This file opens every report of the newsroom: its passphrase must be stronger. Add a few unrelated words.</source>
        <translation>ဤ​ဖိုင်​သည် သ​တင်း​ခန်း၏ သ​တင်း​ပို့​ချက် အား​လုံး​ကို ဖွင့်​နိုင်​သည်- ၎င်း၏ စ​ကား​ဝှက် ပို​ခိုင်​မာ​ရ​မည်။ မ​ဆိုင်​သော စ​ကား​လုံး အ​နည်း​ငယ် ထပ်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="141"/>
        <source>The two passphrases differ.</source>
        <translation>စကားဝှက် နှစ်ခု မတူပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/key_export_dialog.py" line="144"/>
        <source>Choose where to save the file.</source>
        <translation>ဖိုင် သိမ်း​မည့်​နေ​ရာ​ကို ရွေး​ပါ။</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="143"/>
        <source>Welcome to Gatewatch</source>
        <translation>Gatewatch မှ ကြိုဆိုပါသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="146"/>
        <source>What you log stays encrypted on this computer until it is sent to the newsroom. Choose a passphrase that you can type quickly but nobody can guess. If you forget it, nobody can open your reports, not even the newsroom.</source>
        <translation>သင်​မှတ်​တမ်း​တင်​သ​မျှ​ကို သ​တင်း​ဌာ​န​သို့ မ​ပို့​မ​ချင်း ဤ​ကွန်​ပျူ​တာ​ထဲ​တွင် ကုဒ်​ဝှက်​ထား​ပါ​မည်။ မြန်​မြန် ရိုက်​နိုင်​ပြီး မည်​သူ​မျှ ခန့်​မှန်း၍ မ​ရ​သော စ​ကား​ဝှက်​ကို ရွေး​ပါ။ မေ့​သွား​လျှင် သင့်​သ​တင်း​များ​ကို မည်​သူ​မျှ ဖွင့်၍ မ​ရ​ပါ၊ သ​တင်း​ဌာ​န​လည်း မ​ဖွင့်​နိုင်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="154"/>
        <source>&amp;Language:</source>
        <translation>ဘာသာစကား (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="155"/>
        <source>&amp;Passphrase:</source>
        <translation>စကားဝှက် (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="156"/>
        <source>&amp;Repeat it:</source>
        <translation>ထပ်ရိုက်ပါ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="157"/>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="158"/>
        <source>Repeat the passphrase</source>
        <translation>စကားဝှက်ကို ထပ်ရိုက်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="159"/>
        <source>Language</source>
        <translation>ဘာသာစကား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="152"/>
        <source>&amp;Create encrypted store</source>
        <translation>ကုဒ်​ဝှက် သို​လှောင်​ခန်း ဖန်​တီး​မည် (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="132"/>
        <source>Set up an editor desk</source>
        <translation>အယ်ဒီတာ စားပွဲ ပြင်ဆင်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="135"/>
        <source>The desk keeps the newsroom key and every report it receives encrypted on this computer. Choose a passphrase for this desk; without it nobody can open the desk.</source>
        <translation>စား​ပွဲ​သည် သ​တင်း​ဌာ​န သော့​နှင့် လက်​ခံ​ရ​ရှိ​သော သ​တင်း​တိုင်း​ကို ဤ​ကွန်​ပျူ​တာ​တွင် စာ​ဝှက်၍ သိမ်း​သည်။ ဤ​စား​ပွဲ​အ​တွက် စ​ကား​ဝှက် ရွေး​ပါ၊ ၎င်း​မ​ပါ​ဘဲ မည်​သူ​မျှ စား​ပွဲ​ကို မ​ဖွင့်​နိုင်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="140"/>
        <source>&amp;Create encrypted desk store</source>
        <translation>စာ​ဝှက်​ထား​သော စား​ပွဲ သို​လှောင်​ရာ ပြု​လုပ်​မည် (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="141"/>
        <source>Back: log reports as a correspondent</source>
        <translation>နောက်​သို့- သ​တင်း​ထောက်​အ​ဖြစ် သ​တင်း မှတ်​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="153"/>
        <source>Set up an editor desk instead</source>
        <translation>အ​စား​ထိုး၍ အယ်​ဒီ​တာ စား​ပွဲ ပြင်​ဆင်​မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="200"/>
        <source>The two passphrases differ.</source>
        <translation>စကားဝှက် နှစ်ခု မတူပါ။</translation>
    </message>
</context>
<context>
    <name>Fold</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/fold.py" line="82"/>
        <source>Folded: click to show</source>
        <translation>ခေါက်ထားသည်။ ပြရန် နှိပ်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/fold.py" line="82"/>
        <source>Click to fold</source>
        <translation>ခေါက်ရန် နှိပ်ပါ</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="78"/>
        <source>Questions from the desk</source>
        <translation>အယ်ဒီတာ၏ မေးခွန်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="79"/>
        <source>Your answer to the desk</source>
        <translation>အယ်ဒီတာထံ သင့်အဖြေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="80"/>
        <source>Answer</source>
        <translation>အဖြေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="81"/>
        <source>Send &amp;answer</source>
        <translation>အဖြေ ပို့မည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="82"/>
        <source>C&amp;orrect the report</source>
        <translation>သတင်းကို ပြင်မည် (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="123"/>
        <source>Desk</source>
        <translation>အယ်ဒီတာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="123"/>
        <source>Your answer</source>
        <translation>သင့်အဖြေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="124"/>
        <source>sent</source>
        <translation>ပို့ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="124"/>
        <source>waiting to be sent</source>
        <translation>ပို့ရန် စောင့်နေသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/followup_panel.py" line="143"/>
        <source>The answer names your correction {report}.</source>
        <translation>အ​ဖြေ​တွင် သင်​၏ ပြင်​ဆင်​ချက် {report} ကို ဖော်​ပြ​မည်။</translation>
    </message>
</context>
<context>
    <name>FormLifecycle</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="90"/>
        <source>Correct a sent report (new revision)</source>
        <translation>ပို့​ပြီး​သ​တင်း​ကို ပြင်​ခြင်း (မူ​အ​သစ်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="92"/>
        <source>Edit draft</source>
        <translation>မူကြမ်း ပြင်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="94"/>
        <source>New report</source>
        <translation>သတင်းအသစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="191"/>
        <source>Draft saved at {time}</source>
        <translation>မူ​ကြမ်း​ကို {time} တွင် သိမ်း​ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="201"/>
        <source>Not saved: {reason}</source>
        <translation>မသိမ်းနိုင်ပါ: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="248"/>
        <source>Kept as a draft.</source>
        <translation>မူကြမ်းအဖြစ် ထားသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="334"/>
        <source>Photo stored in the encrypted store.</source>
        <translation>ဓာတ်​ပုံ​ကို ကုဒ်​ဝှက် သို​လှောင်​ခန်း​တွင် သိမ်း​ပြီး။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/lifecycle.py" line="337"/>
        <source>Photo removed.</source>
        <translation>ဓာတ်ပုံကို ဖယ်ပြီးပါပြီ။</translation>
    </message>
</context>
<context>
    <name>GapsView</name>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="53"/>
        <source>Every device numbers what it seals. Missing envelopes were not sent yet, or were lost or held back on the way: the desk cannot tell which. What a device sealed after the last envelope that arrived cannot show here yet.</source>
        <translation>စက်​တိုင်း​သည် ၎င်း​တံ​ဆိပ်​ခတ်​သော စာ​အိတ်​တိုင်း​ကို နံ​ပါတ်​တပ်​သည်။ မ​ရောက်​သေး​သော စာ​အိတ်​များ​မှာ မ​ပို့​ရ​သေး​ခြင်း၊ လမ်း​တွင် ပျောက်​ခြင်း သို့​မ​ဟုတ် တား​ထား​ခြင်း ဖြစ်​နိုင်​ပြီး မည်​သည်​ဖြစ်​ကြောင်း သ​တင်း​ခန်း​က မ​သိ​နိုင်​ပါ။ နောက်​ဆုံး​ရောက်​သော စာ​အိတ်​ပြီး​နောက် စက်​က တံ​ဆိပ်​ခတ်​ထား​သည်​များ​ကို ဤ​နေ​ရာ​တွင် မ​ပြ​နိုင်​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="58"/>
        <source>Envelopes each device sent</source>
        <translation>စက်တစ်ခုစီ ပို့သော စာအိတ်များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="85"/>
        <source>No numbered envelopes have arrived yet.</source>
        <translation>နံ​ပါတ်​တပ်​ထား​သော စာ​အိတ် မ​ရောက်​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="90"/>
        <source>Nothing missing</source>
        <translation>မရောက်သေးသည် မရှိပါ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="96"/>
        <source>%n arrived late and filled their gap</source>
        <translation>
            <numerusform>%n ခု နောက်​ကျ၍ ရောက်​ပြီး ကွက်​လပ်​ကို ဖြည့်​ပြီး</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="98"/>
        <source>%n arrived again, kept once</source>
        <translation>
            <numerusform>%n ခု ထပ်​ရောက်​ပြီး တစ်​ကြိမ်​သာ သိမ်း​ထား​သည်</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="102"/>
        <source>Number {number} was used by two different envelopes: a copy of this device, or its key in other hands</source>
        <translation>နံ​ပါတ် {number} ကို မ​တူ​သော စာ​အိတ်​နှစ်​ခု​က သုံး​ထား​သည်။ ဤ​စက်၏ မိတ္တူ သို့​မ​ဟုတ် ၎င်း၏ key သူ​တစ်​ပါး​လက်​ထဲ ရောက်​နေ​နိုင်​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="110"/>
        <source>Envelope number {number} does not follow the one before it as the device sealed it</source>
        <translation>စာ​အိတ်​နံ​ပါတ် {number} သည် စက်​က တံ​ဆိပ်​ခတ်​ခဲ့​သည့်​အ​တိုင်း ၎င်း​ရှေ့​က​စာ​အိတ်​နောက်​မှ မ​လိုက်​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="118"/>
        <source>number {first}</source>
        <translation>နံပါတ် {first}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="120"/>
        <source>numbers {first} to {last}</source>
        <translation>နံပါတ် {first} မှ {last} အထိ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="124"/>
        <source>%n on the way by hand ({numbers}), carried {carried} as a later envelope said</source>
        <translation>
            <numerusform>%n ခု လက်​ဖြင့် သယ်​လာ​ဆဲ ({numbers})၊ နောက်​စာ​အိတ်​တစ်​ခု​အ​ရ {carried} တွင် ပေး​လိုက်​သည်</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="129"/>
        <source>%n missing ({numbers})</source>
        <translation>
            <numerusform>%n ခု မရောက်သေးပါ ({numbers})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/gaps.py" line="130"/>
        <source>%n missing since {day} ({numbers})</source>
        <translation>
            <numerusform>{day} က​တည်း​က %n ခု မ​ရောက်​သေး​ပါ ({numbers})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="137"/>
        <source>Restored from a backup on {day}, after number {number} of the chain before</source>
        <translation>{day} တွင် အ​ရန်​ကူး​ယူ​ထား​မှု​မှ ပြန်​ယူ​ခဲ့​သည်၊ ယ​ခင်​ကွင်း​ဆက်၏ နံ​ပါတ် {number} နောက်​မှ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/gaps.py" line="139"/>
        <source>Started a new chain on {day} (installed again)</source>
        <translation>{day} တွင် ကွင်း​ဆက်​အ​သစ် စ​တင်​သည် (ပြန်​ထည့်​သွင်း​ထား​သည်)</translation>
    </message>
</context>
<context>
    <name>GateChooser</name>
    <message>
        <location filename="../../desktop/ui/correspondent/gate_chooser.py" line="91"/>
        <source>Type a crossing: Laiza, လိုင်ဇာ, 拉咱…</source>
        <translation>ဂိတ်​အ​မည် ရိုက်​ပါ: Laiza, လိုင်​ဇာ, 拉咱…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/gate_chooser.py" line="92"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
</context>
<context>
    <name>GateTimeline</name>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="126"/>
        <source>Loading…</source>
        <translation>ဖွင့်နေသည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="160"/>
        <source>No reports about this crossing in this period.</source>
        <translation>ဤ​ကာ​လ​တွင် ဤ​ဂိတ်​အ​ကြောင်း သ​တင်း မ​ရှိ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="175"/>
        <source>Timeline: %1</source>
        <translation>အချိန်ပြ မျဉ်း: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="176"/>
        <source>← Map</source>
        <translation>← မြေပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="177"/>
        <source>7 days</source>
        <translation>7 ရက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="177"/>
        <source>30 days</source>
        <translation>30 ရက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="177"/>
        <source>90 days</source>
        <translation>90 ရက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline.py" line="183"/>
        <source>Report ticks by review state:</source>
        <translation>စိ​စစ်​မှု အ​ဆင့်​အ​လိုက် သ​တင်း အ​မှတ်​အ​သား​များ:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/timeline.py" line="152"/>
        <source>No reports about this crossing in the last %n day(s): shown up to its newest report, %1.</source>
        <translation>
            <numerusform>ဤ​ဂိတ်​အ​ကြောင်း နောက်​ဆုံး %n ရက်​အ​တွင်း သ​တင်း မ​ရှိ​ပါ- နောက်​ဆုံး သ​တင်း​ပို့​ချက် (%1) အ​ထိ ပြ​ထား​သည်။</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewatchWindow</name>
    <message>
        <location filename="../../desktop/ui/window.py" line="194"/>
        <source>Gatewatch</source>
        <translation>Gatewatch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="338"/>
        <source>The wipe could not remove every file of the store. Delete the Gatewatch data folder by hand, or shut the computer down.</source>
        <translation>ဖျက်​ဆီး​ရာ​တွင် သို​လှောင်​ခန်း၏ ဖိုင်​အား​လုံး​ကို မ​ဖျက်​နိုင်​ပါ။ Gatewatch ဒေ​တာ ဖို​ဒါ​ကို ကိုယ်​တိုင် ဖျက်​ပါ၊ သို့​မ​ဟုတ် ကွန်​ပျူ​တာ​ကို ပိတ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="191"/>
        <source>Gatewatch — {count} need attention</source>
        <translation>Gatewatch — အာ​ရုံ​စိုက်​ရန် {count} ခု</translation>
    </message>
</context>
<context>
    <name>HandCarry</name>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="23"/>
        <source>This computer is not connected to a newsroom yet, so nothing can be sealed for it. Connect once (Tools → Connect to newsroom), then try again.</source>
        <translation>ဤ​ကွန်​ပျူ​တာ​သည် သ​တင်း​ဌာ​န​နှင့် မ​ချိတ်​ဆက်​ရ​သေး​သ​ဖြင့် ဘာ​မျှ တံ​ဆိပ်​ခတ်၍ မ​ရ​ပါ။ တစ်​ကြိမ် ချိတ်​ဆက်​ပြီး (ကိ​ရိ​ယာ​များ → သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​မည်) ထပ်​ကြိုး​စား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="28"/>
        <source>Nothing is waiting for the newsroom: every report already has its receipt. No file was written.</source>
        <translation>သ​တင်း​ဌာ​န​အ​တွက် စောင့်​နေ​သည် မ​ရှိ​ပါ- သ​တင်း​တိုင်း လက်​ခံ​ဖြတ်​ပိုင်း ရ​ပြီး ဖြစ်​သည်။ ဖိုင် မ​ရေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="33"/>
        <source>The file could not be written there (the stick may be full or read-only). Choose another place. Nothing was changed.</source>
        <translation>ထို​နေ​ရာ​တွင် ဖိုင်​ကို မ​ရေး​နိုင်​ပါ (USB ပြည့်​နေ​ခြင်း သို့​မ​ဟုတ် ဖတ်​ရုံ​သာ ဖြစ်​နေ​နိုင်​သည်)။ အ​ခြား​နေ​ရာ ရွေး​ပါ။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="38"/>
        <source>The file cannot be read. Check that it is still there.</source>
        <translation>ဖိုင်​ကို ဖတ်၍ မ​ရ​ပါ။ ရှိ​နေ​သေး​ကြောင်း စစ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="41"/>
        <source>This file is far too large to be a Gatewatch file.</source>
        <translation>ဤ​ဖိုင်​သည် Gatewatch ဖိုင် ဖြစ်​ရန် အ​လွန် ကြီး​လွန်း​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="44"/>
        <source>This computer has not yet learnt the newsroom desk&apos;s signature, so it cannot check receipts. Send once with a connection, then import the receipts again.</source>
        <translation>ဤ​ကွန်​ပျူ​တာ​သည် သ​တင်း​ဌာ​န အယ်​ဒီ​တာ၏ လက်​မှတ်​ကို မ​သိ​ရ​သေး​သ​ဖြင့် လက်​ခံ​ဖြတ်​ပိုင်း​ကို မ​စစ်​နိုင်​ပါ။ အင်​တာ​နက်​ဖြင့် တစ်​ကြိမ် ပို့​ပြီး​မှ လက်​ခံ​ဖြတ်​ပိုင်း​ကို ထပ်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="49"/>
        <source>These receipts are for another computer. Nothing was changed: give them to the correspondent they belong to.</source>
        <translation>ဤ​လက်​ခံ​ဖြတ်​ပိုင်း​သည် အ​ခြား ကွန်​ပျူ​တာ​အ​တွက် ဖြစ်​သည်။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ- ပိုင်​ရှင် သ​တင်း​ထောက်​ထံ ပေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="54"/>
        <source>This desk does not know that computer.</source>
        <translation>ဤ အယ်​ဒီ​တာ စား​ပွဲ​သည် ထို​ကွန်​ပျူ​တာ​ကို မ​သိ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="57"/>
        <source>This desk cannot seal receipts for that computer yet: it must have synced once with a connection, and this desk must have pulled since.</source>
        <translation>ထို​ကွန်​ပျူ​တာ​အ​တွက် လက်​ခံ​ဖြတ်​ပိုင်း​ကို တံ​ဆိပ်​ခတ်၍ မ​ရ​သေး​ပါ- ၎င်း​က အင်​တာ​နက်​ဖြင့် တစ်​ကြိမ် ချိန်​ကိုက်​ပြီး ဤ​စား​ပွဲ​က နောက်​တွင် ဆွဲ​ယူ​ထား​ရ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="62"/>
        <source>This desk is not connected to a server yet.</source>
        <translation>ဤ အယ်​ဒီ​တာ စား​ပွဲ​သည် ဆာ​ဗာ​နှင့် မ​ချိတ်​ဆက်​ရ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="69"/>
        <source>This file does not open here: it is not a hand-carried Gatewatch file, or it was made for another newsroom or another computer. Check that it is the file you were given. Nothing was changed.</source>
        <translation>ဤ​ဖိုင်​ကို ဤ​နေ​ရာ​တွင် မ​ဖွင့်​နိုင်​ပါ- လက်​ဖြင့် သယ်​သော Gatewatch ဖိုင် မ​ဟုတ်​ပါ၊ သို့​မ​ဟုတ် အ​ခြား သ​တင်း​ဌာ​န သို့​မ​ဟုတ် အ​ခြား ကွန်​ပျူ​တာ​အ​တွက် ပြု​လုပ်​ထား​သည်။ ပေး​ထား​သော ဖိုင် ဟုတ်​မ​ဟုတ် စစ်​ပါ။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="75"/>
        <source>The file was cut or altered after it was written (a copy that did not finish?). Ask for it again. Nothing was changed.</source>
        <translation>ဖိုင်​ကို ရေး​ပြီး​နောက် ဖြတ်​တောက် သို့​မ​ဟုတ် ပြင်​ဆင်​ခံ​ရ​သည် (ကူး​ယူ​မှု မ​ပြီး​ဆုံး​ခြင်း​လား)။ ထပ်​တောင်း​ပါ။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="80"/>
        <source>The file opens but its contents are broken. Ask for it again.</source>
        <translation>ဖိုင် ပွင့်​သော်​လည်း အ​တွင်း​အ​ကြောင်း​အ​ရာ ပျက်​နေ​သည်။ ထပ်​တောင်း​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="83"/>
        <source>These receipts are not signed by your newsroom&apos;s desk: do not trust them. Nothing was changed.</source>
        <translation>ဤ​လက်​ခံ​ဖြတ်​ပိုင်း​ကို သင့်​သ​တင်း​ဌာ​န အယ်​ဒီ​တာ​က လက်​မှတ် မ​ထိုး​ထား​ပါ- မ​ယုံ​ပါ​နှင့်။ ဘာ​မျှ မ​ပြောင်း​လဲ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="88"/>
        <source>Too much to carry in one file: send some reports first.</source>
        <translation>ဖိုင်​တစ်​ခု​တည်း​ဖြင့် သယ်​ရန် များ​လွန်း​သည်- အ​ချို့​ကို အ​ရင် ပို့​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="99"/>
        <source>from a computer this desk does not know</source>
        <translation>ဤ​စား​ပွဲ မ​သိ​သော ကွန်​ပျူ​တာ​မှ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="102"/>
        <source>not signed by the computer it names (forged or altered)</source>
        <translation>ဖော်​ပြ​ထား​သော ကွန်​ပျူ​တာ​က လက်​မှတ် မ​ထိုး​ထား​ပါ (အ​တု သို့​မ​ဟုတ် ပြင်​ထား​သည်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="105"/>
        <source>altered or damaged</source>
        <translation>ပြင်​ထား​သည် သို့​မ​ဟုတ် ပျက်​စီး​နေ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="106"/>
        <source>damaged</source>
        <translation>ပျက်​စီး​နေ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="107"/>
        <source>larger than allowed</source>
        <translation>ခွင့်​ပြု​ထား​သည်​ထက် ကြီး​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="108"/>
        <source>sealed for another newsroom</source>
        <translation>အ​ခြား သ​တင်း​ဌာ​န​အ​တွက် တံ​ဆိပ်​ခတ်​ထား​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="109"/>
        <source>not something a correspondent&apos;s computer may send</source>
        <translation>သ​တင်း​ထောက် ကွန်​ပျူ​တာ​က ပို့​ခွင့် မ​ရှိ​သော အ​ရာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="112"/>
        <source>not a valid report</source>
        <translation>မှန်​ကန်​သော သ​တင်း မ​ဟုတ်​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="113"/>
        <source>its label does not match its contents</source>
        <translation>အ​မှတ်​အ​သား​နှင့် အ​ကြောင်း​အ​ရာ မ​ကိုက်​ညီ​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="116"/>
        <source>a second copy under the same name</source>
        <translation>အ​မည်​တူ ဒု​တိ​ယ မိတ္တူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handcarry_text.py" line="118"/>
        <source>unreadable</source>
        <translation>ဖတ်၍ မ​ရ​ပါ</translation>
    </message>
</context>
<context>
    <name>HandcarryDialogs</name>
    <message>
        <location filename="../../desktop/ui/handcarry_dialogs.py" line="83"/>
        <source>Nothing was done</source>
        <translation>ဘာ​မျှ မ​လုပ်​ရ​ပါ</translation>
    </message>
</context>
<context>
    <name>InboxFilters</name>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="137"/>
        <source>Search reports and crossings (Ctrl+F)</source>
        <translation>သ​တင်း​နှင့် ဂိတ်​များ ရှာ​ရန် (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="138"/>
        <source>Search reports</source>
        <translation>သတင်း ရှာရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="140"/>
        <source>from any date</source>
        <translation>မည်သည့်ရက်မှမဆို</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="141"/>
        <source>to today</source>
        <translation>ယနေ့အထိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="144"/>
        <source>Observed from</source>
        <translation>တွေ့ရှိချိန် မှ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="145"/>
        <source>Observed until</source>
        <translation>တွေ့ရှိချိန် အထိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="207"/>
        <source>Newest first</source>
        <translation>အသစ်ဆုံး ဦးစွာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="208"/>
        <source>Oldest first</source>
        <translation>အဟောင်းဆုံး ဦးစွာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="209"/>
        <source>All crossings</source>
        <translation>ဂိတ်အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="212"/>
        <source>All review states</source>
        <translation>စိစစ်မှု အဆင့် အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="215"/>
        <source>All sources</source>
        <translation>ရင်းမြစ် အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="218"/>
        <source>Any reliability</source>
        <translation>ယုံကြည်ရမှု မရွေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="221"/>
        <source>All correspondents</source>
        <translation>သတင်းထောက် အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="236"/>
        <source>Sort</source>
        <translation>စီစဉ်ပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="237"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="238"/>
        <source>Review state</source>
        <translation>စိစစ်မှု အဆင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="239"/>
        <source>Source category</source>
        <translation>ရင်းမြစ် အမျိုးအစား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="240"/>
        <source>Source reliability</source>
        <translation>ရင်းမြစ် ယုံကြည်ရမှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="241"/>
        <source>Correspondent</source>
        <translation>သတင်းထောက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="146"/>
        <source>All</source>
        <translation>အား​လုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="147"/>
        <source>Mine</source>
        <translation>ကျွန်ုပ်၏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="148"/>
        <source>Unassigned</source>
        <translation>မ​ပေး​အပ်​ရ​သေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="149"/>
        <source>Waiting for an answer</source>
        <translation>အ​ဖြေ စောင့်​နေ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="224"/>
        <source>Any tag</source>
        <translation>တဂ် မည်​သည့်​မ​ဆို</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="242"/>
        <source>Tag</source>
        <translation>တဂ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="159"/>
        <source>From unapproved devices ({count})</source>
        <translation>အ​တည်​မ​ပြု​ရ​သေး​သော ကိ​ရိ​ယာ​များ​မှ ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="151"/>
        <source>Show all reports</source>
        <translation>သ​တင်း​ပို့​ချက် အား​လုံး ပြ​မည်</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/desk/inbox_filters.py" line="178"/>
        <source>Showing the %n report(s) behind a flag of the board.</source>
        <translation>
            <numerusform>ဘုတ်​ပေါ်​ရှိ အ​မှတ်​အ​သား၏ နောက်​ကွယ်​ရှိ သ​တင်း​ပို့​ချက် %n ခု​ကို ပြ​နေ​သည်။</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="69"/>
        <source>Observed</source>
        <translation>တွေ့ရှိချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="70"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="71"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="72"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="73"/>
        <source>Review</source>
        <translation>စိစစ်မှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="76"/>
        <source>Source</source>
        <translation>သတင်းရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="77"/>
        <source>Correspondent</source>
        <translation>သတင်းထောက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="78"/>
        <source>What happened</source>
        <translation>ဖြစ်ပျက်ပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="74"/>
        <source>Assigned to</source>
        <translation>ပေး​အပ်​ထား​သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/inbox_model.py" line="75"/>
        <source>Tags</source>
        <translation>တဂ်​များ</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="40"/>
        <source>The crossing you saw or heard about. Type any spelling, in any language.</source>
        <translation>သင်​မြင်​ခဲ့ သို့​မ​ဟုတ် ကြား​ခဲ့​သော ဂိတ်။ မည်​သည့်​ဘာ​သာ၊ မည်​သည့် စာ​လုံး​ပေါင်း​ဖြင့်​မ​ဆို ရိုက်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="43"/>
        <source>When it was seen, in your local time. Not when you write it down.</source>
        <translation>မြင်​ခဲ့​သည့်​အ​ချိန် (သင့်​ဒေ​သ အ​ချိန်​ဖြင့်)။ ရေး​မှတ်​သည့်​အ​ချိန် မ​ဟုတ်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="46"/>
        <source>Each side opens and closes on its own. Choose unknown if you are not sure.</source>
        <translation>ဘက်​တစ်​ဘက်​စီ သီး​ခြား ဖွင့်​ပိတ်​သည်။ မ​သေ​ချာ​လျှင် “မ​သိ” ကို ရွေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="49"/>
        <source>What may pass through the gate right now.</source>
        <translation>ယ​ခု​လက်​ရှိ ဂိတ်​ကို ဖြတ်​သန်း​ခွင့်​ရှိ​သည့်​အ​ရာ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="52"/>
        <source>If only some people may cross, whose citizens are they?</source>
        <translation>လူ​အ​ချို့​သာ ဖြတ်​ကူး​ခွင့်​ရှိ​လျှင် မည်​သည့်​နိုင်​ငံ​သား​များ​နည်း။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="55"/>
        <source>Who holds the Myanmar side of the gate.</source>
        <translation>ဂိတ်၏ မြန်​မာ​ဘက်​ကို ထိန်း​ချုပ်​ထား​သူ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="58"/>
        <source>What blocks the road on the Myanmar side, if anything.</source>
        <translation>မြန်​မာ​ဘက်​တွင် လမ်း​ပိတ်​ထား​သည့်​အ​ရာ (ရှိ​လျှင်)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="61"/>
        <source>How do you know? Your own eyes, a source, a document, social media.</source>
        <translation>မည်​သို့ သိ​ရ​သ​နည်း။ ကိုယ်​တိုင်​မြင်၊ သ​တင်း​ရင်း​မြစ်၊ စာ​ရွက်​စာ​တမ်း၊ ဆို​ရှယ်​မီ​ဒီ​ယာ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="69"/>
        <source>A made-up name so editors can count independent sources. Use the same one for the same person.</source>
        <translation>အယ်​ဒီ​တာ​များ သီး​ခြား​ရင်း​မြစ် အ​ရေ​အ​တွက်​ကို ရေ​တွက်​နိုင်​ရန် လုပ်​ထား​သော အ​မည်။ လူ​တစ်​ဦး​တည်း​အ​တွက် အ​မည်​တစ်​ခု​တည်း​ကို​သာ သုံး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="74"/>
        <source>What happened, in any language. Leave out names and phone numbers.</source>
        <translation>ဖြစ်​ပျက်​ခဲ့​သည့်​အ​ရာ၊ မည်​သည့်​ဘာ​သာ​ဖြင့်​မ​ဆို ရေး​နိုင်​သည်။ အ​မည်​နှင့် ဖုန်း​နံ​ပါတ် မ​ထည့်​ပါ​နှင့်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="77"/>
        <source>Prices you saw or heard, e.g. diesel 4500 kyat a litre.</source>
        <translation>သင်​မြင်​ခဲ့ ကြား​ခဲ့​သော ဈေး​နှုန်း၊ ဥ​ပ​မာ ဒီ​ဇယ် တစ်​လီ​တာ 4500 ကျပ်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="88"/>
        <source>open</source>
        <translation>ဖွင့်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="89"/>
        <source>closed</source>
        <translation>ပိတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="90"/>
        <source>restricted</source>
        <translation>ကန့်သတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="91"/>
        <location filename="../../desktop/ui/labels.py" line="96"/>
        <location filename="../../desktop/ui/labels.py" line="115"/>
        <location filename="../../desktop/ui/labels.py" line="124"/>
        <source>unknown</source>
        <translation>မသိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="94"/>
        <source>allowed</source>
        <translation>ခွင့်ပြု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="95"/>
        <source>blocked</source>
        <translation>တားဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="99"/>
        <source>Civilians</source>
        <translation>အရပ်သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="100"/>
        <source>Traders and goods</source>
        <translation>ကုန်သည်နှင့် ကုန်ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="101"/>
        <source>Cargo trucks</source>
        <translation>ကုန်တင်ကားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="102"/>
        <source>Rare-earth exports</source>
        <translation>ရှားပါးမြေ တင်ပို့မှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="103"/>
        <source>Fuel and chemical imports</source>
        <translation>လောင်​စာ​ဆီ​နှင့် ဓာ​တု​ပစ္စည်း တင်​သွင်း​မှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="106"/>
        <source>Food and building materials</source>
        <translation>စား​နပ်​ရိက္ခာ​နှင့် ဆောက်​လုပ်​ရေး​ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="109"/>
        <source>Humanitarian aid</source>
        <translation>လူသားချင်းစာနာမှု အကူအညီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="112"/>
        <source>everyone</source>
        <translation>လူတိုင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="113"/>
        <source>Chinese citizens only</source>
        <translation>တရုတ်နိုင်ငံသားများသာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="114"/>
        <source>Myanmar citizens only</source>
        <translation>မြန်မာနိုင်ငံသားများသာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="118"/>
        <source>KIA</source>
        <translation>KIA</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="119"/>
        <source>Myanmar military</source>
        <translation>မြန်မာစစ်တပ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="120"/>
        <source>Border guard force or militia</source>
        <translation>နယ်​ခြား​စောင့်​တပ် (BGF) သို့​မ​ဟုတ် ပြည်​သူ့​စစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="123"/>
        <location filename="../../desktop/ui/labels.py" line="132"/>
        <location filename="../../desktop/ui/labels.py" line="144"/>
        <location filename="../../desktop/ui/labels.py" line="157"/>
        <location filename="../../desktop/ui/labels.py" line="179"/>
        <source>other</source>
        <translation>အခြား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="127"/>
        <source>barbed wire</source>
        <translation>သံဆူးကြိုး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="128"/>
        <source>wood barricade</source>
        <translation>သစ်သား အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="129"/>
        <source>bamboo barricade</source>
        <translation>ဝါး အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="130"/>
        <source>troops</source>
        <translation>စစ်သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="131"/>
        <source>vehicles</source>
        <translation>ယာဉ်များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="135"/>
        <source>fuel</source>
        <translation>လောင်​စာ​ဆီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="136"/>
        <source>food</source>
        <translation>စား​နပ်​ရိက္ခာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="137"/>
        <location filename="../../desktop/ui/labels.py" line="184"/>
        <source>rice</source>
        <translation>ဆန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="138"/>
        <location filename="../../desktop/ui/labels.py" line="185"/>
        <source>cooking oil</source>
        <translation>စားသုံးဆီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="139"/>
        <location filename="../../desktop/ui/labels.py" line="190"/>
        <source>medicine</source>
        <translation>ဆေး​ဝါး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="140"/>
        <source>building materials</source>
        <translation>ဆောက်လုပ်ရေးပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="141"/>
        <source>household goods</source>
        <translation>အိမ်သုံးပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="142"/>
        <source>mining inputs</source>
        <translation>သတ္တုတွင်းသုံး ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="143"/>
        <source>cash</source>
        <translation>ငွေသား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="147"/>
        <source>litre</source>
        <translation>လီတာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="148"/>
        <source>gallon</source>
        <translation>ဂါလံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="149"/>
        <source>bottle</source>
        <translation>ပုလင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="150"/>
        <source>kg</source>
        <translation>ကီလို</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="151"/>
        <source>viss</source>
        <translation>ပိဿာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="152"/>
        <source>bag</source>
        <translation>အိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="153"/>
        <source>sack</source>
        <translation>ဂုန်နီအိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="154"/>
        <source>piece</source>
        <translation>ခု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="155"/>
        <source>tonne</source>
        <translation>တန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="156"/>
        <source>trip</source>
        <translation>ခေါက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="160"/>
        <source>kyat (MMK)</source>
        <translation>ကျပ် (MMK)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="161"/>
        <source>yuan (CNY)</source>
        <translation>ယွမ် (CNY)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="164"/>
        <source>I saw it</source>
        <translation>ကိုယ်တိုင် မြင်ခဲ့သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="165"/>
        <source>A source told me</source>
        <translation>သတင်းရင်းမြစ်က ပြောသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="166"/>
        <source>A document or photo</source>
        <translation>စာ​ရွက်​စာ​တမ်း သို့​မ​ဟုတ် ဓာတ်​ပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="167"/>
        <source>Social media</source>
        <translation>ဆိုရှယ်မီဒီယာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="170"/>
        <source>resident</source>
        <translation>ဒေသခံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="171"/>
        <source>trader</source>
        <translation>ကုန်သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="172"/>
        <source>driver</source>
        <translation>ယာဉ်မောင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="173"/>
        <source>mine worker</source>
        <translation>သတ္တုတွင်း အလုပ်သမား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="174"/>
        <source>close to an armed group</source>
        <translation>လက်​နက်​ကိုင်​အ​ဖွဲ့​နှင့် နီး​စပ်​သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="177"/>
        <source>official</source>
        <translation>တာဝန်ရှိသူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="178"/>
        <source>aid worker</source>
        <translation>အကူအညီပေးရေး ဝန်ထမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="193"/>
        <source>A: completely reliable</source>
        <translation>A: လုံးဝ ယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="194"/>
        <source>B: usually reliable</source>
        <translation>B: များသောအားဖြင့် ယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="195"/>
        <source>C: fairly reliable</source>
        <translation>C: အတန်အသင့် ယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="196"/>
        <source>D: not usually reliable</source>
        <translation>D: များသောအားဖြင့် မယုံကြည်ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="197"/>
        <source>E: unreliable</source>
        <translation>E: ယုံကြည်၍ မရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="198"/>
        <source>F: cannot be judged</source>
        <translation>F: ဆုံးဖြတ်၍ မရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="212"/>
        <source>1: confirmed by other sources</source>
        <translation>1: အခြားရင်းမြစ်များက အတည်ပြု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="213"/>
        <source>2: probably true</source>
        <translation>2: မှန်နိုင်ခြေ များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="214"/>
        <source>3: possibly true</source>
        <translation>3: မှန်နိုင်သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="215"/>
        <source>4: doubtful</source>
        <translation>4: သံသယရှိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="216"/>
        <source>5: improbable</source>
        <translation>5: မှန်နိုင်ခြေ နည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="217"/>
        <source>6: cannot be judged</source>
        <translation>6: ဆုံးဖြတ်၍ မရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="64"/>
        <source>Never a name. Only what kind of person told you, and how far to trust them and what they said (each grade is explained below).</source>
        <translation>အ​မည် လုံး​ဝ မ​ထည့်​ရ။ မည်​သို့​သော လူ​က ပြော​သည်၊ ထို​သူ​နှင့် ပြော​သော​အ​ရာ​ကို မည်​မျှ ယုံ​ကြည်​ရ​သည် တို့​ကို​သာ ထည့်​ပါ (အ​ဆင့်​တိုင်း​ကို အောက်​တွင် ရှင်း​ပြ​ထား​သည်)။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="182"/>
        <source>diesel</source>
        <translation>ဒီဇယ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="183"/>
        <source>petrol</source>
        <translation>ဓာတ်ဆီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="186"/>
        <source>sugar</source>
        <translation>သကြား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="187"/>
        <source>salt</source>
        <translation>ဆား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="188"/>
        <source>cooking gas</source>
        <translation>ချက်ပြုတ်ရေး ဓာတ်ငွေ့</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="189"/>
        <source>cement</source>
        <translation>ဘိလပ်မြေ</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="147"/>
        <source>Search reports (Ctrl+F)</source>
        <translation>သတင်း ရှာရန် (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="148"/>
        <source>Search reports</source>
        <translation>သတင်း ရှာရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="149"/>
        <source>Show reports in state</source>
        <translation>အဆင့်အလိုက် သတင်းများ ပြရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="150"/>
        <source>Show reports about crossing</source>
        <translation>ဂိတ်အလိုက် သတင်းများ ပြရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="151"/>
        <source>&amp;New report</source>
        <translation>သတင်းအသစ် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="152"/>
        <source>Log a new report (Ctrl+N)</source>
        <translation>သ​တင်း​အ​သစ် မှတ်​တမ်း​တင်​ရန် (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="153"/>
        <source>Reports</source>
        <translation>သတင်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="154"/>
        <source>Report details</source>
        <translation>သတင်း အသေးစိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="183"/>
        <source>All states</source>
        <translation>အဆင့်အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="185"/>
        <source>Drafts</source>
        <translation>မူကြမ်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="186"/>
        <source>Queued</source>
        <translation>တန်းစီထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="187"/>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="60"/>
        <source>Sent</source>
        <translation>ပို့ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="190"/>
        <source>All crossings</source>
        <translation>ဂိတ်အားလုံး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="283"/>
        <source>No reports yet.

Press Ctrl+N, or New report, to log what you see or hear at a crossing. Drafts are saved as you type.</source>
        <translation>သ​တင်း မ​ရှိ​သေး​ပါ။

ဂိတ်​တွင် မြင်​ရ ကြား​ရ​သည်​များ​ကို မှတ်​တမ်း​တင်​ရန် Ctrl+N သို့​မ​ဟုတ် “သ​တင်း​အ​သစ်” ကို နှိပ်​ပါ။ ရိုက်​နေ​စဉ် မူ​ကြမ်း​ကို အ​လို​အ​လျောက် သိမ်း​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="289"/>
        <source>No report matches. Clear the search box or choose other filters.</source>
        <translation>ကိုက်​ညီ​သော သ​တင်း မ​ရှိ​ပါ။ ရှာ​ဖွေ​ကွက်​ကို ရှင်း​ပါ သို့​မ​ဟုတ် အ​ခြား စစ်​ထုတ်​မှု​ကို ရွေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="316"/>
        <source>&amp;Edit draft</source>
        <translation>မူကြမ်း ပြင်မည် (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="319"/>
        <source>&amp;Correct (new revision)</source>
        <translation>မူအသစ်ဖြင့် ပြင်မည် (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/main_page.py" line="341"/>
        <source>Choose a report in the list to read it here.</source>
        <translation>ဤ​နေ​ရာ​တွင် ဖတ်​ရန် စာ​ရင်း​ထဲ​မှ သ​တင်း​တစ်​ခု​ကို ရွေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="46"/>
        <source>(not in the list)</source>
        <translation>(စာရင်းတွင် မပါ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="58"/>
        <source>Draft</source>
        <translation>မူကြမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="59"/>
        <source>Queued for sending</source>
        <translation>ပို့ရန် တန်းစီထားသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="61"/>
        <source>Sent, content removed from this computer</source>
        <translation>ပို့​ပြီး၊ ဤ​ကွန်​ပျူ​တာ​မှ အ​ကြောင်း​အ​ရာ ဖယ်​ရှား​ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="68"/>
        <source>revision {number}</source>
        <translation>ပြင်ဆင်မူ {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="74"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="75"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="88"/>
        <source>Controlled by</source>
        <translation>ထိန်းချုပ်သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="90"/>
        <source>Barrier</source>
        <translation>အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="91"/>
        <source>Shortages</source>
        <translation>ပြတ်လပ်မှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="101"/>
        <source>Price</source>
        <translation>ဈေးနှုန်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="104"/>
        <source>How known</source>
        <translation>သိရပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="111"/>
        <source>Source</source>
        <translation>သတင်းရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_detail.py" line="114"/>
        <source>Photos</source>
        <translation>ဓာတ်ပုံများ</translation>
    </message>
</context>
<context>
    <name>NarrativeSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/narrative.py" line="60"/>
        <source>&amp;What happened:</source>
        <translation>ဖြစ်ပျက်ပုံ (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/narrative.py" line="62"/>
        <source>What happened</source>
        <translation>ဖြစ်ပျက်ပုံ</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="89"/>
        <source>At least %n characters.</source>
        <translation>အ​နည်း​ဆုံး စာ​လုံး %n လုံး ရှိ​ရ​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="93"/>
        <source>Very weak</source>
        <translation>အ​လွန်​အား​နည်း​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="94"/>
        <source>Weak</source>
        <translation>အား​နည်း​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="95"/>
        <source>Fair</source>
        <translation>သင့်​တင့်​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="96"/>
        <source>Good</source>
        <translation>ကောင်း​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="97"/>
        <source>Strong</source>
        <translation>ခိုင်​မာ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="100"/>
        <source>Strength: {verdict}.</source>
        <translation>ခိုင်​မာ​မှု- {verdict}။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="104"/>
        <source>Too easy to guess: add a few unrelated words.</source>
        <translation>ခန့်​မှန်း​ရ လွယ်​လွန်း​သည်- မ​ဆိုင်​သော စ​ကား​လုံး အ​နည်း​ငယ် ထပ်​ထည့်​ပါ။</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="59"/>
        <source>Hide</source>
        <translation>ဝှက်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="59"/>
        <source>Show</source>
        <translation>ပြ​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="61"/>
        <source>Hide the passphrase</source>
        <translation>စ​ကား​ဝှက်​ကို ဝှက်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="61"/>
        <source>Show the passphrase</source>
        <translation>စ​ကား​ဝှက်​ကို ပြ​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passphrase_field.py" line="64"/>
        <source>Caps Lock is on.</source>
        <translation>Caps Lock ဖွင့်​ထား​သည်။</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="104"/>
        <source>Add photos…</source>
        <translation>ဓာတ်ပုံ ထည့်မည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="105"/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="110"/>
        <source>Photos of this report</source>
        <translation>ဤသတင်း၏ ဓာတ်ပုံများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="234"/>
        <source>Photo {number}</source>
        <translation>ဓာတ်ပုံ {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="245"/>
        <source>Add photos</source>
        <translation>ဓာတ်ပုံ ထည့်ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="103"/>
        <source>Photos (location and camera data are removed)</source>
        <translation>ဓာတ်​ပုံ​များ (တည်​နေ​ရာ​နှင့် ကင်​မ​ရာ အ​ချက်​အ​လက်​များ​ကို ဖယ်​ရှား​သည်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="106"/>
        <source>Remove photo</source>
        <translation>ဓာတ်ပုံ ဖယ်မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="108"/>
        <source>The selected photo, else the last one (Delete, Ctrl+Shift+R)</source>
        <translation>ရွေး​ထားသော ဓာတ်ပုံ၊ မရွေး​ထားလျှင် နောက်ဆုံး​ဓာတ်ပုံ (Delete, Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/photo_strip.py" line="246"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif)</source>
        <translation>ဓာတ်​ပုံ​များ (*.jpg *.jpeg *.png *.webp *.heic *.heif)</translation>
    </message>
</context>
<context>
    <name>PricesSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="119"/>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="176"/>
        <source>Commodity</source>
        <translation>ကုန်ပစ္စည်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="119"/>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="176"/>
        <source>Unit</source>
        <translation>ယူနစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="119"/>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="176"/>
        <source>Amount</source>
        <translation>ငွေပမာဏ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="119"/>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="176"/>
        <source>Currency</source>
        <translation>ငွေကြေး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="124"/>
        <source>{field}, price {number}</source>
        <translation>ဈေးနှုန်း {number} ၏ {field}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="161"/>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="178"/>
        <source>Prices</source>
        <translation>ဈေးနှုန်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="166"/>
        <source>none given</source>
        <translation>မထည့်ရသေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="181"/>
        <source>&amp;Add price</source>
        <translation>ဈေးနှုန်း ထည့်မည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/prices.py" line="182"/>
        <source>Re&amp;move price</source>
        <translation>ဈေးနှုန်း ဖယ်မည် (&amp;M)</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="98"/>
        <source>&amp;Report</source>
        <translation>သတင်း (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="99"/>
        <source>Main toolbar</source>
        <translation>အဓိက ကိရိယာဘား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="100"/>
        <source>&amp;New report</source>
        <translation>သတင်းအသစ် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="101"/>
        <source>&amp;Save draft</source>
        <translation>မူကြမ်း သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="102"/>
        <source>&amp;Queue for sending</source>
        <translation>ပို့ရန် တန်းစီမည် (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="103"/>
        <source>&amp;Back to list</source>
        <translation>စာရင်းသို့ ပြန်မည် (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="104"/>
        <source>Add &amp;photos…</source>
        <translation>ဓာတ်ပုံ ထည့်မည် (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="105"/>
        <source>Re&amp;move photo</source>
        <translation>ဓာတ်ပုံ ဖယ်မည် (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="106"/>
        <source>&amp;Generate pseudonym</source>
        <translation>အမည်ဝှက် ထုတ်မည် (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="107"/>
        <source>Con&amp;vert to Unicode</source>
        <translation>ယူ​နီ​ကုဒ်​သို့ ပြောင်း​မည် (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="108"/>
        <source>Dele&amp;te draft…</source>
        <translation>မူကြမ်း ဖျက်မည် (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="109"/>
        <source>Sen&amp;d now</source>
        <translation>ယခု ပို့မည် (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="110"/>
        <source>Send queued reports to the newsroom (Ctrl+Shift+S)</source>
        <translation>တန်း​စီ​ထား​သော သ​တင်း​များ​ကို သ​တင်း​ဌာ​န​သို့ ပို့​မည် (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_actions.py" line="111"/>
        <source>&amp;Connect to newsroom…</source>
        <translation>သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​မည် (&amp;C)…</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="64"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="66"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="69"/>
        <source>What may pass</source>
        <translation>ဖြတ်သန်းခွင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="79"/>
        <source>Barrier on the Myanmar side</source>
        <translation>မြန်မာဘက်ရှိ အတားအဆီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="83"/>
        <source>Shortages in town</source>
        <translation>မြို့တွင်း ပြတ်လပ်မှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="91"/>
        <source>What happened</source>
        <translation>ဖြစ်ပျက်ပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_form.py" line="189"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_form.py" line="190"/>
        <source>&amp;Queue for sending</source>
        <translation>ပို့ရန် တန်းစီမည် (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_form.py" line="191"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_form.py" line="193"/>
        <source>Esc. The draft is kept.</source>
        <translation>Esc။ မူကြမ်းကို သိမ်းထားသည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="102"/>
        <source>Not ready to send</source>
        <translation>ပို့ရန် အဆင်သင့် မဖြစ်သေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="105"/>
        <source>Please complete these fields first:</source>
        <translation>ဤအကွက်များကို အရင် ဖြည့်ပါ:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_form.py" line="188"/>
        <source>Save dra&amp;ft</source>
        <translation>မူကြမ်း သိမ်းမည် (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_form.py" line="192"/>
        <source>Back to list</source>
        <translation>စာရင်းသို့ ပြန်မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="29"/>
        <source>too long: shorten it</source>
        <translation>ရှည်လွန်းသည်- တိုအောင် ပြင်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="31"/>
        <source>check this field</source>
        <translation>ဤအကွက်ကို စစ်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="34"/>
        <source>choose one from the list, or tick “not in the list” and give its name</source>
        <translation>စာ​ရင်း​ထဲ​မှ တစ်​ခု ရွေး​ပါ၊ သို့​မ​ဟုတ် “ဂိတ်​သည် စာ​ရင်း​တွင် မ​ပါ” ကို အ​မှန်​ခြစ်​ပြီး အ​မည် ထည့်​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="37"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="40"/>
        <source>Where it is</source>
        <translation>တည်နေရာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="43"/>
        <source>give the crossing a name</source>
        <translation>ဂိတ်အမည် ထည့်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="44"/>
        <source>Crossing name</source>
        <translation>ဂိတ်အမည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="46"/>
        <source>check the date and time: not in the future, not before 2000</source>
        <translation>ရက်​စွဲ​နှင့် အ​ချိန်​ကို စစ်​ပါ- အ​နာ​ဂတ် မ​ဖြစ်​ရ၊ 2000 ခု​နှစ် မ​တိုင်​မီ မ​ဖြစ်​ရ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="49"/>
        <source>Observed</source>
        <translation>တွေ့ရှိချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="53"/>
        <source>name the commodity</source>
        <translation>ကုန်ပစ္စည်း အမည် ထည့်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="54"/>
        <source>Price {number}</source>
        <translation>ဈေးနှုန်း {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="59"/>
        <source>choose who told you, or change “How known”</source>
        <translation>မည်​သူ ပြော​သည်​ကို ရွေး​ပါ၊ သို့​မ​ဟုတ် “သိ​ရ​ပုံ” ကို ပြောင်း​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="62"/>
        <source>Source</source>
        <translation>သတင်းရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="71"/>
        <source>Civilians who may cross</source>
        <translation>ဖြတ်ကူးခွင့်ရှိသော အရပ်သား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="75"/>
        <source>Controlled by</source>
        <translation>ထိန်းချုပ်သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="87"/>
        <source>People stranded</source>
        <translation>ပိတ်မိနေသူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="90"/>
        <source>How known</source>
        <translation>သိရပုံ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="94"/>
        <source>The report</source>
        <translation>သတင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="109"/>
        <source>&amp;OK</source>
        <translation>ကောင်းပြီ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="117"/>
        <source>This looks like a phone number. A number can lead straight back to your source: remove it, or send anyway if it is public (an office or a hotline).</source>
        <translation>ဖုန်း​နံ​ပါတ်​နှင့် တူ​သည်။ နံ​ပါတ်​တစ်​ခု​က သင့်​သ​တင်း​ရင်း​မြစ်​ဆီ တိုက်​ရိုက် ခြေ​ရာ​ခံ​မိ​စေ​နိုင်​သည်- ဖယ်​ရှား​ပါ၊ သို့​မ​ဟုတ် လူ​သိ​ရှင်​ကြား နံ​ပါတ် (ရုံး သို့​မ​ဟုတ် ဖုန်း​လိုင်း) ဖြစ်​လျှင် ဆက်​ပို့​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="122"/>
        <source>This looks like an e-mail address. It can identify your source: remove it, or send anyway if it is public.</source>
        <translation>အီး​မေးလ်​လိပ်​စာ​နှင့် တူ​သည်။ ၎င်း​က သင့်​သ​တင်း​ရင်း​မြစ်​ကို ဖော်​ထုတ်​နိုင်​သည်- ဖယ်​ရှား​ပါ၊ သို့​မ​ဟုတ် လူ​သိ​ရှင်​ကြား လိပ်​စာ ဖြစ်​လျှင် ဆက်​ပို့​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="127"/>
        <source>This looks like a national registration card (NRC) number. It names one person: remove it unless the person agreed to be named.</source>
        <translation>နိုင်​ငံ​သား​စိ​စစ်​ရေး​ကတ် (မှတ်​ပုံ​တင်) နံ​ပါတ်​နှင့် တူ​သည်။ ၎င်း​က လူ​တစ်​ဦး​ကို အ​မည်​ဖော်​သည်- ထို​သူ​က အ​မည်​ဖော်​ရန် သ​ဘော​တူ​မှ​သာ ထား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="132"/>
        <source>This looks like a vehicle plate. A plate can identify a driver or a trader: remove it, or send anyway if it does not point to your source.</source>
        <translation>ယာဉ်​နံ​ပါတ်​ပြား​နှင့် တူ​သည်။ နံ​ပါတ်​ပြား​က ယာဉ်​မောင်း သို့​မ​ဟုတ် ကုန်​သည်​ကို ဖော်​ထုတ်​နိုင်​သည်- ဖယ်​ရှား​ပါ၊ သို့​မ​ဟုတ် သင့်​သ​တင်း​ရင်း​မြစ်​ကို မ​ညွှန်​ပြ​လျှင် ဆက်​ပို့​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="144"/>
        <source>Personal details found</source>
        <translation>ကိုယ်ရေးအချက်အလက် တွေ့သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="145"/>
        <source>This report seems to contain details that could identify someone. Sources can be put in danger by them.</source>
        <translation>ဤ​သ​တင်း​တွင် လူ​တစ်​ဦး​ကို ဖော်​ထုတ်​နိုင်​သည့် အ​ချက်​အ​လက်​များ ပါ​ပုံ​ရ​သည်။ ၎င်း​တို့​ကြောင့် သ​တင်း​ရင်း​မြစ်​များ အန္တ​ရာယ် ကျ​ရောက်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="152"/>
        <source>&amp;Edit the report</source>
        <translation>သတင်းကို ပြင်မည် (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="156"/>
        <source>Send &amp;anyway</source>
        <translation>ဤအတိုင်း ပို့မည် (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="195"/>
        <source>Delete draft</source>
        <translation>မူကြမ်း ဖျက်ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="198"/>
        <source>Delete this draft and its photos from this computer? There is no undo.</source>
        <translation>ဤ​မူ​ကြမ်း​နှင့် ၎င်း၏ ဓာတ်​ပုံ​များ​ကို ဤ​ကွန်​ပျူ​တာ​မှ ဖျက်​မ​လား။ ပြန်​ယူ၍ မ​ရ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="203"/>
        <source>&amp;Delete</source>
        <translation>ဖျက်မည် (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/problems.py" line="206"/>
        <source>&amp;Keep it</source>
        <translation>မဖျက်ပါ (&amp;K)</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="24"/>
        <source>Observed</source>
        <translation>တွေ့ရှိချိန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="25"/>
        <source>Crossing</source>
        <translation>ဂိတ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="26"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="27"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="28"/>
        <source>State</source>
        <translation>အဆင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="29"/>
        <source>Summary</source>
        <translation>အကျဉ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="42"/>
        <source>(not in the list)</source>
        <translation>(စာရင်းတွင် မပါ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="47"/>
        <source>With the newsroom</source>
        <translation>သ​တင်း​ဌာ​န​သို့ ရောက်​ပြီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="49"/>
        <source>Carried on {date}</source>
        <translation>{date} တွင် လက်​ဖြင့် သယ်​သွား​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="51"/>
        <source>Draft</source>
        <translation>မူကြမ်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="52"/>
        <source>Queued</source>
        <translation>တန်းစီထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="53"/>
        <source>Sent</source>
        <translation>ပို့ပြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="54"/>
        <source>Sent (removed)</source>
        <translation>ပို့ပြီး (ဖယ်ရှားပြီး)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="64"/>
        <source>open</source>
        <translation>ဖွင့်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="65"/>
        <source>closed</source>
        <translation>ပိတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="66"/>
        <source>restricted</source>
        <translation>ကန့်သတ်ထား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/report_model.py" line="67"/>
        <source>unknown</source>
        <translation>မသိ</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="51"/>
        <source>Restore from backup</source>
        <translation>အရန်မှ ပြန်ထည့်ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="53"/>
        <source>Restore the store from {file}. Type the passphrase the store had when this backup was made.</source>
        <translation>{file} မှ store ကို ပြန်​ထည့်​မည်။ ဤ​အ​ရန်​ကို ကူး​ခဲ့​စဉ်​က store ၏ စ​ကား​ဝှက်​ကို ရိုက်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="58"/>
        <source>The store in this folder is replaced: what it holds now and the backup does not, is lost.</source>
        <translation>ဤ​ဖို​ဒါ​ရှိ store ကို အ​စား​ထိုး​မည်- ယ​ခု​ရှိ​ပြီး အ​ရန်​တွင် မ​ပါ​သည်​များ ပျောက်​သွား​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="71"/>
        <source>&amp;Restore</source>
        <translation>ပြန်ထည့်မည် (&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="153"/>
        <source>Review:</source>
        <translation>စိစစ်မှု:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="154"/>
        <source>Move to:</source>
        <translation>သို့ ရွှေ့မည်:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="156"/>
        <source>&amp;Verified</source>
        <translation>စစ်ဆေးပြီး (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="158"/>
        <source>Needs &amp;follow-up</source>
        <translation>ထပ်မံ စုံစမ်းရန် (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="159"/>
        <source>Re&amp;jected</source>
        <translation>ပယ်ချ (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="163"/>
        <source>Move to {state}</source>
        <translation>{state} သို့ ရွှေ့မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="164"/>
        <source>Note with the move (optional)</source>
        <translation>ရွှေ့​ရာ​တွင် မှတ်​ချက် (မ​ထည့်​လည်း ရ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="165"/>
        <source>Note with the move</source>
        <translation>ရွှေ့ရာတွင် မှတ်ချက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="166"/>
        <source>A note for every editor on this report</source>
        <translation>ဤ​သ​တင်း​အ​တွက် အယ်​ဒီ​တာ အား​လုံး​အ​တွက် မှတ်​ချက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="167"/>
        <source>Note</source>
        <translation>မှတ်ချက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="168"/>
        <source>Add &amp;note</source>
        <translation>မှတ်ချက် ထည့်မည် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="170"/>
        <source>Report under review</source>
        <translation>စိစစ်နေသော သတင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="224"/>
        <source>Choose a report in the inbox to review it here.</source>
        <translation>ဤ​နေ​ရာ​တွင် စိ​စစ်​ရန် ဝင်​စာ​ထဲ​မှ သ​တင်း​တစ်​ခု ရွေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="226"/>
        <source>Loading…</source>
        <translation>ဖွင့်နေသည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="157"/>
        <source>Publi&amp;shed</source>
        <translation>ထုတ်ပြန်ပြီး (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="299"/>
        <source>&amp;Undo my move</source>
        <translation>ကျွန်ုပ်၏ ရွှေ့​ချက်​ကို ပြန်​ပြင်​မည် (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="302"/>
        <source>&amp;Undo my move (back to {state})</source>
        <translation>{state} သို့ ကျွန်ုပ်၏ ရွှေ့​ချက်​ကို ပြန်​ပြင်​မည် (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/review_pane.py" line="306"/>
        <source>Takes your last move on this report back with a new move, shown in the history and shared with every desk. Possible for {minutes} minutes.</source>
        <translation>ဤ​သ​တင်း​အ​ပေါ် သင်၏ နောက်​ဆုံး ရွှေ့​ချက်​ကို ရွှေ့​ချက်​အ​သစ်​ဖြင့် ပြန်​ပြင်​သည်- မှတ်​တမ်း​တွင် ပြ​ပြီး စား​ပွဲ​တိုင်း​နှင့် မျှ​ဝေ​သည်။ {minutes} မိ​နစ်​အ​တွင်း​သာ ပြု​လုပ်​နိုင်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/publish_question.py" line="18"/>
        <location filename="../../desktop/ui/desk/publish_question.py" line="21"/>
        <source>Publish this report?</source>
        <translation>ဤသတင်းကို ထုတ်ပြန်မလား။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/publish_question.py" line="22"/>
        <source>Publishing tells every editor of the newsroom that this report is checked and may be used in what the newsroom puts out. Every desk sees it as published after its next pull, and the gate board counts it. You can undo it for {minutes} minutes; after that, move it to needs follow-up.</source>
        <translation>ထုတ်​ပြန်​ခြင်း​သည် ဤ​သ​တင်း​ကို စစ်​ဆေး​ပြီး သ​တင်း​ဌာ​န​က ထုတ်​ဝေ​သည့်​အ​ရာ​တွင် သုံး​နိုင်​ကြောင်း အယ်​ဒီ​တာ အား​လုံး​ကို အ​သိ​ပေး​သည်။ စား​ပွဲ​တိုင်း​သည် နောက်​တစ်​ကြိမ် ဆွဲ​ယူ​ပြီး​နောက် ထုတ်​ပြန်​ပြီး​အ​ဖြစ် မြင်​ရ​ပြီး ဂိတ်​ဘုတ်​က ၎င်း​ကို ထည့်​တွက်​သည်။ {minutes} မိ​နစ်​အ​တွင်း ပြန်​ပြင်​နိုင်​သည်- ထို့​နောက် ထပ်​မံ စုံ​စမ်း​ရန်​သို့ ရွှေ့​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/publish_question.py" line="31"/>
        <source>&amp;Publish</source>
        <translation>ထုတ်ပြန်မည် (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/publish_question.py" line="34"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="114"/>
        <source>&amp;Back up to…</source>
        <translation>အရန်ကူးရန် (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="115"/>
        <location filename="../../desktop/ui/safety_actions.py" line="296"/>
        <source>&amp;Restore from backup…</source>
        <translation>အရန်မှ ပြန်ထည့်ရန် (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="116"/>
        <source>Prepare for a &amp;checkpoint…</source>
        <translation>စစ်​ဆေး​ရေး​ဂိတ်​အ​တွက် ပြင်​ဆင်​ရန် (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="127"/>
        <source>Back up to</source>
        <translation>အရန်ကူးမည့်နေရာ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="138"/>
        <source>Writing the backup…</source>
        <translation>အရန်ကူးနေသည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="142"/>
        <source>Backup written to {file}. Keep it away from this laptop.</source>
        <translation>အ​ရန်​ကို {file} သို့ ရေး​ပြီး​ပါ​ပြီ။ ဤ​လက်​တော့ပ်​နှင့် ဝေး​ဝေး​ထား​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="158"/>
        <source>Restore from</source>
        <translation>ပြန်ထည့်မည့် ဖိုင်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="186"/>
        <source>The store was restored from {file}.</source>
        <translation>store ကို {file} မှ ပြန်​ထည့်​ပြီး​ပါ​ပြီ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="206"/>
        <source>Prepare for a checkpoint</source>
        <translation>စစ်ဆေးရေးဂိတ်အတွက် ပြင်ဆင်ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="210"/>
        <source>Gatewatch sends what it can, then removes from this laptop the readable copy of every sent report ({sent}) and of every report waiting to be sent ({waiting}; they stay sealed for the newsroom and go at the next sync). {drafts} draft(s) stay readable on this laptop.</source>
        <translation>Gatewatch သည် ပို့​နိုင်​သ​မျှ ပို့​ပြီး​နောက် ပို့​ပြီး​သော သ​တင်း​ပို့​ချက်​အား​လုံး ({sent}) နှင့် ပို့​ရန်​စောင့်​နေ​သော သ​တင်း​ပို့​ချက်​အား​လုံး ({waiting}၊ သ​တင်း​ခန်း​အ​တွက် တံ​ဆိပ်​ခတ်​ထား​ဆဲ​ဖြစ်​ပြီး နောက်​တစ်​ကြိမ် ပို့​ရာ​တွင် သွား​မည်) ၏ ဖတ်​နိုင်​သော​မိတ္တူ​ကို ဤ​လက်​တော့ပ်​မှ ဖယ်​ရှား​မည်။ မူ​ကြမ်း {drafts} ခု ဤ​လက်​တော့ပ်​တွင် ဖတ်​နိုင်​ဆဲ ကျန်​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="218"/>
        <source>&amp;Prepare now</source>
        <translation>ယခု ပြင်ဆင်မည် (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="219"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="228"/>
        <source>Preparing for the checkpoint…</source>
        <translation>စစ်​ဆေး​ရေး​ဂိတ်​အ​တွက် ပြင်​ဆင်​နေ​သည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="238"/>
        <source>{count} draft(s) stay readable on this laptop.</source>
        <translation>မူ​ကြမ်း {count} ခု ဤ​လက်​တော့ပ်​တွင် ဖတ်​နိုင်​ဆဲ ကျန်​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="243"/>
        <source>{count} waiting report(s) also stay readable: this computer is not connected to a newsroom, so nothing can seal them yet.</source>
        <translation>စောင့်​နေ​သော သ​တင်း​ပို့​ချက် {count} ခု​လည်း ဖတ်​နိုင်​ဆဲ ကျန်​သည်- ဤ​ကွန်​ပျူ​တာ​သည် သ​တင်း​ခန်း​နှင့် မ​ချိတ်​ဆက်​ရ​သေး၍ တံ​ဆိပ်​ခတ်၍ မ​ရ​သေး​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="250"/>
        <source>Not everything could be sent now; the waiting reports go at the next sync.</source>
        <translation>ယ​ခု အား​လုံး မ​ပို့​နိုင်​ပါ- စောင့်​နေ​သော သ​တင်း​ပို့​ချက်​များ နောက်​တစ်​ကြိမ် ပို့​ရာ​တွင် သွား​မည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="255"/>
        <source>Ready for the checkpoint</source>
        <translation>စစ်​ဆေး​ရေး​ဂိတ်​အ​တွက် အ​သင့်​ဖြစ်​ပြီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="286"/>
        <source>The store is damaged</source>
        <translation>store ပျက်စီးနေသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="290"/>
        <source>Part of this store is damaged on disk ({count} damaged part(s)). What is still readable keeps working: copy out what you need. Then restore your last backup.</source>
        <translation>ဤ store ၏ တစ်​စိတ်​တစ်​ပိုင်း ဒစ်​ပေါ်​တွင် ပျက်​စီး​နေ​သည် (ပျက်​စီး​သော အ​ပိုင်း {count} ခု)။ ဖတ်​နိုင်​သေး​သည်​များ ဆက်​အ​လုပ်​လုပ်​ပါ​သည်- လို​အပ်​သည်​ကို ကူး​ယူ​ထား​ပါ။ ထို့​နောက် နောက်​ဆုံး အ​ရန်​ကို ပြန်​ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/safety_actions.py" line="298"/>
        <source>&amp;Keep working</source>
        <translation>ဆက်လုပ်မည် (&amp;K)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="84"/>
        <source>Settings</source>
        <translation>ဆက်တင်များ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="91"/>
        <source> min</source>
        <translation> မိနစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="95"/>
        <source>never</source>
        <translation>မဖျက်ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="100"/>
        <source> px</source>
        <translation> ပစ်ဇယ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="114"/>
        <source>&amp;Language:</source>
        <translation>ဘာသာစကား (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="117"/>
        <source>&amp;Wipe after wrong passphrases:</source>
        <translation>စ​ကား​ဝှက် မှား​လျှင် ဖျက်​မည့် အ​ကြိမ် (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="118"/>
        <source>Largest photo &amp;edge:</source>
        <translation>ဓာတ်​ပုံ အ​ရှည်​ဆုံး​ဘက် (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="132"/>
        <source>Wiping after wrong passphrases protects you if the laptop is taken; 0 turns it off. Larger photos are scaled down when they are added.</source>
        <translation>လက်ပ်​တော့ အ​သိမ်း​ခံ​ရ​လျှင် စ​ကား​ဝှက် မှား​သည့်​အ​ခါ ဖျက်​ပစ်​ခြင်း​က သင့်​ကို ကာ​ကွယ်​ပေး​သည်။ 0 ဆို​လျှင် ပိတ်​ထား​သည်။ ပို​ကြီး​သော ဓာတ်​ပုံ​များ​ကို ထည့်​သည့်​အ​ခါ သေး​အောင် ချုံ့​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="143"/>
        <source>Co&amp;nnection…</source>
        <translation>ချိတ်​ဆက်​မှု (&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="146"/>
        <source>&amp;Save</source>
        <translation>သိမ်းမည် (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="147"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="139"/>
        <source>&amp;Duress passphrase…</source>
        <translation>အ​ကျပ်​ကိုင်​ခံ​ရ​ချိန် စ​ကား​ဝှက် (&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="116"/>
        <source>Lock after &amp;idle:</source>
        <translation>မ​သုံး​ဘဲ ကြာ​လျှင် သော့​ခတ် (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="103"/>
        <source>Normal</source>
        <translation>ပုံ​မှန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="104"/>
        <source>Large</source>
        <translation>ကြီး</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="108"/>
        <source>Myanmar time (MMT, UTC+06:30)</source>
        <translation>မြန်​မာ စံ​တော်​ချိန် (MMT, UTC+06:30)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="110"/>
        <source>This computer&apos;s time (%1)</source>
        <translation>ဤ​ကွန်​ပျူ​တာ၏ အ​ချိန် (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="115"/>
        <source>Burmese te&amp;xt size:</source>
        <translation>မြန်​မာ​စာ အ​ရွယ်​အ​စား (&amp;X):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="121"/>
        <source>&amp;Times shown in:</source>
        <translation>အ​ချိန်​ကို ပြ​မည့် ပုံ​စံ (&amp;T):</translation>
    </message>
</context>
<context>
    <name>ShellActions</name>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="51"/>
        <source>&amp;Tools</source>
        <translation>ကိရိယာများ (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="52"/>
        <source>&amp;Lock</source>
        <translation>သော့ခတ်မည် (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="53"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>ယခု သော့ခတ်မည် (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="54"/>
        <source>Panic &amp;wipe…</source>
        <translation>အရေးပေါ် ဖျက်ဆီးမည် (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="55"/>
        <source>&amp;Settings…</source>
        <translation>ဆက်တင်များ (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="56"/>
        <source>Searc&amp;h</source>
        <translation>ရှာမည် (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="57"/>
        <source>Q&amp;uit</source>
        <translation>ထွက်မည် (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="69"/>
        <source>Panic wipe</source>
        <translation>အရေးပေါ် ဖျက်ဆီးခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="70"/>
        <source>Destroy every report on this computer now? There is no undo.</source>
        <translation>ဤ​ကွန်​ပျူ​တာ​ရှိ သ​တင်း​အား​လုံး​ကို ယ​ခု ဖျက်​ဆီး​မ​လား။ ပြန်​ယူ၍ မ​ရ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="71"/>
        <source>&amp;Wipe now</source>
        <translation>ယခု ဖျက်မည် (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell_actions.py" line="72"/>
        <source>&amp;Cancel</source>
        <translation>မလုပ်တော့ပါ (&amp;C)</translation>
    </message>
</context>
<context>
    <name>ShortagesSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="96"/>
        <source>Shortages in town</source>
        <translation>မြို့တွင်း ပြတ်လပ်မှုများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="100"/>
        <source>none named</source>
        <translation>မဖော်ပြရသေးပါ</translation>
    </message>
</context>
<context>
    <name>SourceSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="122"/>
        <source>Source</source>
        <translation>သတင်းရင်းမြစ်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="133"/>
        <source>How &amp;known:</source>
        <translation>သိရပုံ (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="135"/>
        <source>Wh&amp;o:</source>
        <translation>မည်သူ (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="136"/>
        <source>Rel&amp;iability:</source>
        <translation>ယုံကြည်ရမှု (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="137"/>
        <source>Cr&amp;edibility:</source>
        <translation>မှန်နိုင်ခြေ (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="138"/>
        <source>&amp;Pseudonym:</source>
        <translation>အမည်ဝှက် (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="140"/>
        <source>Generate pseudonym</source>
        <translation>အမည်ဝှက် ထုတ်မည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="141"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="142"/>
        <source>Source category</source>
        <translation>ရင်းမြစ် အမျိုးအစား</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="143"/>
        <source>Source reliability</source>
        <translation>ရင်းမြစ် ယုံကြည်ရမှု</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="144"/>
        <source>Information credibility</source>
        <translation>သတင်း မှန်နိုင်ခြေ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="145"/>
        <source>Source pseudonym</source>
        <translation>ရင်းမြစ် အမည်ဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="156"/>
        <source>About the source, from how often they were right before: {grades}.</source>
        <translation>သတင်း​ပေးသူ​အကြောင်း၊ ယခင်က မည်မျှ​မှန်ခဲ့​သည်ကို ကြည့်၍- {grades}။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/source.py" line="161"/>
        <source>About this information, whoever gave it: {grades}.</source>
        <translation>ဤ​သတင်း​အချက်​အလက်​အကြောင်း၊ မည်သူ​ပေးသည်​ဖြစ်စေ- {grades}။</translation>
    </message>
</context>
<context>
    <name>StrandedSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="132"/>
        <source>People stranded</source>
        <translation>ပိတ်မိနေသူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="136"/>
        <source>not said</source>
        <translation>မပြောရသေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="139"/>
        <source>People &amp;stranded:</source>
        <translation>ပိတ်မိနေသူ (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="140"/>
        <source>People stranded or turned back</source>
        <translation>ပိတ်​မိ​နေ​သူ သို့​မ​ဟုတ် ပြန်​လှည့်​ခိုင်း​ခံ​ရ​သူ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/conditions.py" line="141"/>
        <source>An estimate is fine. Leave at — if nobody said.</source>
        <translation>ခန့်​မှန်း​ခြေ ရ​ပါ​သည်။ မည်​သူ​မျှ မ​ပြော​လျှင် — အ​တိုင်း ထား​ပါ။</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="277"/>
        <source>Not connected to a newsroom</source>
        <translation>သတင်းဌာနနှင့် မချိတ်ဆက်ရသေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="279"/>
        <source>Reports stay here until this computer is connected: Tools → Connect to newsroom, with the invite from your newsroom admin.</source>
        <translation>ဤ​ကွန်​ပျူ​တာ ချိတ်​ဆက်​သည်​အ​ထိ သ​တင်း​များ ဤ​နေ​ရာ​တွင် ရှိ​နေ​မည်။ “ကိ​ရိ​ယာ​များ → သ​တင်း​ဌာ​န​နှင့် ချိတ်​ဆက်​မည်” ကို ရွေး​ပြီး သ​တင်း​ဌာ​န စီ​မံ​သူ ပေး​သော ဖိတ်​စာ​ကို ထည့်​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="287"/>
        <source>Sending {done} of {total}…</source>
        <translation>{total} ခု​အ​နက် {done} ခု ပို့​နေ​သည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="292"/>
        <source>Sending…</source>
        <translation>ပို့နေသည်…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="295"/>
        <source>Offline: {count} waiting, nothing is lost</source>
        <translation>ချိတ်​ဆက်​မှု မ​ရှိ- {count} ခု ပို့​ရန် စောင့်​နေ​သည်၊ ဘာ​မျှ မ​ပျောက်​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="297"/>
        <source>The newsroom server is overloaded or under attack: {count} waiting, nothing is lost</source>
        <translation>သတင်း​ခန်း ဆာ​ဗာ ဝန်​ပို​နေ​သည် သို့​မ​ဟုတ် တိုက်​ခိုက်​ခံ​နေ​ရ​သည်- {count} ခု ပို့​ရန် စောင့်​နေ​သည်၊ ဘာ​မျှ မ​ပျောက်​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="301"/>
        <source>This computer was revoked by the newsroom: ask your editor for a new invite</source>
        <translation>သ​တင်း​ဌာ​န​က ဤ​ကွန်​ပျူ​တာ​ကို ပယ်​ဖျက်​ထား​သည်- အယ်​ဒီ​တာ​ထံ ဖိတ်​စာ​အ​သစ် တောင်း​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="304"/>
        <source>The server no longer knows this computer: ask for a new invite</source>
        <translation>ဆာ​ဗာ​က ဤ​ကွန်​ပျူ​တာ​ကို မ​သိ​တော့​ပါ- ဖိတ်​စာ​အ​သစ် တောင်း​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="307"/>
        <source>The server&apos;s certificate is not the newsroom&apos;s: stop and tell your editor</source>
        <translation>ဆာ​ဗာ၏ လက်​မှတ်​သည် သ​တင်း​ဌာ​န၏ လက်​မှတ် မ​ဟုတ်​ပါ- ရပ်​ပြီး အယ်​ဒီ​တာ​ကို အ​သိ​ပေး​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="309"/>
        <source>The server refused reports: tell your editor</source>
        <translation>ဆာ​ဗာ​က သ​တင်း​များ​ကို လက်​မ​ခံ​ပါ- အယ်​ဒီ​တာ​ကို အ​သိ​ပေး​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="310"/>
        <source>Sending failed: {count} waiting</source>
        <translation>ပို့၍ မ​ရ​ပါ- {count} ခု စောင့်​နေ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="316"/>
        <source>{count} waiting to be sent</source>
        <translation>ပို့​ရန် {count} ခု စောင့်​နေ​သည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="319"/>
        <source>All sent · last sync {time}</source>
        <translation>အား​လုံး ပို့​ပြီး · နောက်​ဆုံး ပို့​ချိန် {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="320"/>
        <source>Nothing to send</source>
        <translation>ပို့စရာ မရှိပါ</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../desktop/ui/desk/timeline_canvas.py" line="95"/>
        <source>China side</source>
        <translation>တရုတ်ဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline_canvas.py" line="96"/>
        <source>Myanmar side</source>
        <translation>မြန်မာဘက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline_canvas.py" line="97"/>
        <source>Reports</source>
        <translation>သတင်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline_canvas.py" line="189"/>
        <source>Prices</source>
        <translation>ဈေးနှုန်းများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline_canvas.py" line="265"/>
        <source>%1 per %2 (%3): %4 to %5</source>
        <translation>%1 %2 လျှင် (%3): %4 မှ %5 အ​ထိ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/timeline_canvas.py" line="254"/>
        <source>%1, %2: click to open the report</source>
        <translation>%1၊ %2: သ​တင်း​ကို ဖွင့်​ရန် နှိပ်​ပါ</translation>
    </message>
</context>
<context>
    <name>TrafficSection</name>
    <message>
        <location filename="../../desktop/ui/correspondent/form/traffic.py" line="106"/>
        <source>What may pass</source>
        <translation>ဖြတ်သန်းခွင့်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/traffic.py" line="114"/>
        <source>nothing known yet</source>
        <translation>ဘာမျှ မသိရသေးပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/traffic.py" line="125"/>
        <source>Whose citizens</source>
        <translation>မည်သည့် နိုင်ငံ​သားများ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/form/traffic.py" line="126"/>
        <source>Civilians who may cross</source>
        <translation>ဖြတ်ကူးခွင့်ရှိသော အရပ်သား</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="36"/>
        <source>Next report</source>
        <translation>နောက်​သ​တင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="37"/>
        <source>Previous report</source>
        <translation>ယ​ခင်​သ​တင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="40"/>
        <source>Open the report (Esc: back to the list)</source>
        <translation>သ​တင်း​ကို ဖွင့်​ရန် (Esc- စာ​ရင်း​သို့ ပြန်​ရန်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="42"/>
        <source>Move to verified</source>
        <translation>စစ်​ဆေး​ပြီး သို့ ရွှေ့​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="43"/>
        <source>Move to needs follow-up</source>
        <translation>ထပ်​မံ စုံ​စမ်း​ရန် သို့ ရွှေ့​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="44"/>
        <source>Move to rejected</source>
        <translation>ပယ်​ချ​ပြီး သို့ ရွှေ့​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="45"/>
        <source>Assign to me</source>
        <translation>ကျွန်ုပ်​ထံ ပေး​အပ်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="46"/>
        <source>Tag (type the tag, then Enter)</source>
        <translation>တဂ် (တဂ်​ကို ရိုက်​ပြီး Enter နှိပ်​ပါ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="49"/>
        <source>Select more / every report the filters show</source>
        <translation>ထပ်​ရွေး​ရန် / စစ်​ထုတ်​မှု​က ပြ​သော သ​တင်း​အား​လုံး ရွေး​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="51"/>
        <source>Show or hide this help</source>
        <translation>ဤ​အ​ကူ​အ​ညီ​ကို ပြ​ရန် သို့​မ​ဟုတ် ဖျောက်​ရန်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="77"/>
        <source>Keyboard triage</source>
        <translation>ကီး​ဘုတ်​ဖြင့် စီ​စစ်​ခြင်း</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="78"/>
        <source>No key publishes: publish from the review pane, one report at a time.</source>
        <translation>မည်​သည့်​ကီး​က​မျှ ထုတ်​ဝေ​ခြင်း မ​ပြု​ပါ- စစ်​ဆေး​ရေး အ​ကန့်​မှ သ​တင်း​တစ်​ခု​ချင်း ထုတ်​ဝေ​ပါ။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="176"/>
        <source>Tag for the selected reports, then Enter</source>
        <translation>ရွေး​ထား​သော သ​တင်း​များ​အ​တွက် တဂ်၊ ပြီး​လျှင် Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk/triage.py" line="178"/>
        <source>Tag</source>
        <translation>တဂ်</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../desktop/ui/selftest_window.py" line="84"/>
        <location filename="../../desktop/ui/unlock_pages.py" line="252"/>
        <source>Gatewatch is locked</source>
        <translation>Gatewatch ကို သော့ခတ်ထားသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="253"/>
        <source>&amp;Passphrase:</source>
        <translation>စကားဝှက် (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="254"/>
        <source>Passphrase</source>
        <translation>စကားဝှက်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_pages.py" line="255"/>
        <source>&amp;Unlock</source>
        <translation>သော့ဖွင့်မည် (&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="272"/>
        <source>Careful: wrong tries left before this store and every report in it are destroyed for good: %n.</source>
        <translation>
            <numerusform>သ​တိ- ဤ store နှင့် ၎င်း​ထဲ​ရှိ သ​တင်း​ပို့​ချက် အား​လုံး အ​ပြီး​တိုင် မ​ပျက်​စီး​မီ ကျန်​ရှိ​သော မှား​ယွင်း​ခွင့်- %n ကြိမ်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="281"/>
        <source>After %n wrong passphrases in a row, this store is destroyed.</source>
        <translation>
            <numerusform>စ​ကား​ဝှက်​ကို ဆက်​တိုက် %n ကြိမ် မှား​လျှင် ဤ store ကို ဖျက်​ပစ်​မည်။</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_pages.py" line="284"/>
        <source>Tries left: %n.</source>
        <translation>
            <numerusform>ကျန်​ရှိ​သော ကြိမ်​ရေ- %n။</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../desktop/ui/update_notice.py" line="29"/>
        <source>Release notice refused: tell the newsroom</source>
        <translation>ဗား​ရှင်း​သစ် အ​သိ​ပေး​ချက်​ကို ငြင်း​ပယ်​လိုက်​သည်- သ​တင်း​ခန်း​သို့ ပြော​ပါ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_notice.py" line="32"/>
        <source>Version %1 is available</source>
        <translation>ဗားရှင်း %1 ရနိုင်ပါပြီ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/update_notice.py" line="38"/>
        <source>Get the archive from the newsroom by hand. Before opening it, check that its SHA-256 is the one listed here (Windows: certutil -hashfile NAME SHA256; macOS: shasum -a 256 NAME).</source>
        <translation>ဖိုင်​ကို သ​တင်း​ခန်း​ထံ​မှ လက်​ဖြင့် ရ​ယူ​ပါ။ မ​ဖွင့်​မီ ၎င်း၏ SHA-256 သည် ဤ​နေ​ရာ​တွင် ဖော်​ပြ​ထား​သည့်​အ​တိုင်း ဖြစ်​ကြောင်း စစ်​ဆေး​ပါ (Windows: certutil -hashfile NAME SHA256; macOS: shasum -a 256 NAME)။</translation>
    </message>
</context>
<context>
    <name>ZawgyiOffer</name>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="89"/>
        <source>This text looks like Zawgyi</source>
        <translation>ဤစာသားသည် ဇော်ဂျီ ဖြစ်ပုံရသည်</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="92"/>
        <source>Gatewatch stores Burmese as Unicode so editors can read and search it. Convert the text below? Ctrl+Z brings back what you typed.</source>
        <translation>အယ်​ဒီ​တာ​များ ဖတ်​နိုင်၊ ရှာ​နိုင်​ရန် Gatewatch သည် မြန်​မာ​စာ​ကို ယူ​နီ​ကုဒ်​ဖြင့် သိမ်း​သည်။ အောက်​ပါ စာ​သား​ကို ပြောင်း​မ​လား။ Ctrl+Z ဖြင့် ရိုက်​ထား​သည့်​အ​တိုင်း ပြန်​ရ​သည်။</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="96"/>
        <source>As typed (Zawgyi)</source>
        <translation>ရိုက်ထားသည့်အတိုင်း (ဇော်ဂျီ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="97"/>
        <source>Converted (Unicode)</source>
        <translation>ပြောင်းပြီး (ယူနီကုဒ်)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="98"/>
        <source>Co&amp;nvert to Unicode</source>
        <translation>ယူ​နီ​ကုဒ်​သို့ ပြောင်း​မည် (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="99"/>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="100"/>
        <source>Keep as type&amp;d</source>
        <translation>ရိုက်​ထား​သည့်​အ​တိုင်း ထား​မည် (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/correspondent/zawgyi_offer.py" line="101"/>
        <source>The text is not Zawgyi, or it should stay as it is.</source>
        <translation>စာ​သား​သည် ဇော်​ဂျီ မ​ဟုတ်​ပါ၊ သို့​မ​ဟုတ် ယ​ခု​အ​တိုင်း ထား​ရ​မည်။</translation>
    </message>
</context>
</TS>
