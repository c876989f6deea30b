"""Build the game's fonts: ``assets/fonts/CrossroadsSans-{Regular,Bold}.ttf`` and ``OFL.txt``.

One TrueType file per weight covers everything the window and the class report draw: Latin
(Basic, Latin-1, Extended-A for Turkmen and Uzbek Latin), all of Cyrillic U+0400-04FF (Russian,
Kazakh ә ғ қ ң ө ұ ү һ і, Kyrgyz, Tajik, Uzbek Cyrillic), general punctuation, currency signs
(₸ ₽ ¥ €), arrows and shapes, kana, CJK punctuation, full-width forms, the 2,136 Jōyō kanji and
the 863 Jinmeiyō kanji (names such as 晋), and every character used in ``game/ui/locale/*.json``,
``scenarios/**/*.yaml`` and the window's code (``tools/glyphs.py``, ``project_texts``). Translators can
therefore write Japanese, Russian or Kazakh text without rebuilding the font; a rarer character
makes ``tests/test_fonts.py`` fail and asks for a re-run of this script.

Sources (both SIL Open Font License 1.1):

- Latin and Cyrillic: **Noto Sans** (``NotoSans-Regular.ttf``/``-Bold.ttf`` as bundled with
  pygame_gui, which the ``fontbuild`` extra installs; the game itself does not need it).
- Japanese, arrows and symbols: **Noto Sans CJK JP** from Debian's ``fonts-noto-cjk``
  (``apt-get install -y fonts-noto-cjk``); if that is not installed, the **Noto Sans JP** files
  bundled with pygame_gui (the same design).
- Anything still missing (dingbats such as ✗ U+2717): **Noto Sans Symbols 2** from Debian's
  ``fonts-noto-core`` (``apt-get install -y fonts-noto-core``), optional.

The CJK outlines (cubic, CFF) are converted to TrueType quadratics and merged into the subset of
Noto Sans, so a single file per weight works in pygame, pygame_gui and any other renderer (no
per-glyph fallback needed). The merged family is renamed "Crossroads Sans" so it is never
mistaken for the full Noto fonts (the OFL allows modified versions; Noto has no reserved name;
Noto Sans CJK's reserved name "Source" is not used).

Build-time dependency: fontTools, the ``fontbuild`` extra::

    .venv/bin/pip install -e '.[fontbuild]'      # fonttools and pygame_gui
    .venv/bin/python tools/build_fonts.py        # writes assets/fonts/
    .venv/bin/python tools/check_glyphs.py       # checks the texts against the result

Options: ``--kanji used`` keeps only the kanji the texts use (smaller, if the size ever
matters), ``--out DIR``, ``--latin-dir DIR``, ``--cjk FILE`` and ``--symbols FILE`` choose
other sources. The script exits 1 if a character the game uses is in none of the sources. The output
is deterministic (fixed timestamps), so re-running with unchanged inputs changes no bytes.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glyphs import (  # noqa: E402 - tools/glyphs.py, beside this script
    FONT_DIR,
    ROOT,
    describe_char,
    font_codepoints,
    needed_chars,
    project_texts,
    where_used,
)

FAMILY = "Crossroads Sans"
VERSION = "1.000"
SIZE_BUDGET = 6 * 1024 * 1024  # all committed fonts together
#: 2019-01-01 in seconds since 1904 (the 'head' table's epoch): fixed, so builds are repeatable
FIXED_TIME = 3629059200

BLOCKS = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (Turkmen ň ş ž, Kazakh Latin ğ ı ş ū, Uzbek ş)
    (0x02BB, 0x02BC),  # modifier letters ʻ ʼ (Uzbek Latin oʻ gʻ)
    (0x02C6, 0x02DD),  # spacing accents
    (0x0300, 0x036F),  # combining accents (stress marks)
    (0x0400, 0x04FF),  # Cyrillic, incl. Kazakh, Kyrgyz, Tajik, Uzbek letters
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # currency (₸ tenge, ₽ rouble, € euro)
    (0x2100, 0x214F),  # letterlike (№, ™)
    (0x2150, 0x218F),  # number forms (½, Ⅰ Ⅱ)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # maths (− ≈ ≤ ≥ ×)
    (0x2460, 0x24FF),  # circled numbers ① ②
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes ▲ ▼ ● ■
    (0x2600, 0x26FF),  # miscellaneous symbols ☆ ⚠ (where the sources have them)
    (0x2700, 0x27BF),  # dingbats ✓ ✗
    (0x2B00, 0x2BFF),  # more arrows ⬅ ⬆
    (0x3000, 0x303F),  # CJK symbols and punctuation 、。「」
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]

#: The 2,136 Jōyō kanji (2010 list) and 4 variant forms, from Unicode's Unihan database
#: (kJoyoKanji, Unihan_OtherMappings.txt, Unicode 15.0).
JOYO = (
    "一丁七万丈三上下不与且世丘丙両並中串丸丹主丼久乏乗乙九乞乱乳乾亀了予争事二互五井"
    "亜亡交享京亭人仁今介仏仕他付仙代令以仮仰仲件任企伎伏伐休会伝伯伴伸伺似但位低住佐"
    "体何余作佳併使例侍供依価侮侯侵侶便係促俊俗保信修俳俵俸俺倉個倍倒候借倣値倫倹偉偏"
    "停健側偵偶偽傍傑傘備催傲債傷傾僅働像僕僚僧儀億儒償優元兄充兆先光克免児党入全八公"
    "六共兵具典兼内円冊再冒冗写冠冥冬冶冷凄准凍凝凡処凶凸凹出刀刃分切刈刊刑列初判別利"
    "到制刷券刹刺刻則削前剖剛剝剣剤剥副剰割創劇力功加劣助努励労効劾勃勅勇勉動勘務勝募"
    "勢勤勧勲勾匂包化北匠匹区医匿十千升午半卑卒卓協南単博占印危即却卵卸厄厘厚原厳去参"
    "又及友双反収叔取受叙口古句叫召可台叱史右号司各合吉同名后吏吐向君吟否含吸吹呂呈呉"
    "告周呪味呼命和咲咽哀品員哲哺唄唆唇唐唯唱唾商問啓善喉喚喜喝喩喪喫営嗅嗣嘆嘱嘲器噴"
    "嚇囚四回因団困囲図固国圏園土圧在地坂均坊坑坪垂型垣埋城域執培基埼堀堂堅堆堕堤堪報"
    "場塀塁塊塑塔塗塚塞塡塩填塾境墓増墜墨墳墾壁壇壊壌士壮声壱売変夏夕外多夜夢大天太夫"
    "央失奇奈奉奏契奔奥奨奪奮女奴好如妃妄妊妖妙妥妨妬妹妻姉始姓委姫姻姿威娘娠娯婆婚婦"
    "婿媒媛嫁嫉嫌嫡嬢子孔字存孝季孤学孫宅宇守安完宗官宙定宛宜宝実客宣室宮宰害宴宵家容"
    "宿寂寄密富寒寛寝察寡寧審寮寸寺対寿封専射将尉尊尋導小少尚就尺尻尼尽尾尿局居屈届屋"
    "展属層履屯山岐岡岩岬岳岸峠峡峰島崇崎崖崩嵐川州巡巣工左巧巨差己巻巾市布帆希帝帥師"
    "席帯帰帳常帽幅幕幣干平年幸幹幻幼幽幾庁広床序底店府度座庫庭庶康庸廃廉廊延廷建弁弄"
    "弊式弐弓弔引弟弥弦弧弱張強弾当彙形彩彫彰影役彼往征径待律後徐徒従得御復循微徳徴徹"
    "心必忌忍志忘忙応忠快念怒怖思怠急性怨怪恋恐恒恣恥恨恩恭息恵悔悟悠患悦悩悪悲悼情惑"
    "惜惧惨惰想愁愉意愚愛感慄慈態慌慎慕慢慣慨慮慰慶憂憎憤憧憩憬憲憶憾懇懐懲懸成我戒戚"
    "戦戯戴戸戻房所扇扉手才打払扱扶批承技抄把抑投抗折抜択披抱抵抹押抽担拉拍拐拒拓拘拙"
    "招拝拠拡括拭拳拶拷拾持指挑挙挟挨挫振挿捉捕捗捜捨据捻掃授掌排掘掛採探接控推措掲描"
    "提揚換握揮援揺損搬搭携搾摂摘摩摯撃撤撮撲擁操擦擬支改攻放政故敏救敗教敢散敬数整敵"
    "敷文斉斎斑斗料斜斤斥斬断新方施旅旋族旗既日旦旧旨早旬旺昆昇明易昔星映春昧昨昭是昼"
    "時晩普景晴晶暁暇暑暖暗暦暫暮暴曇曖曜曲更書曹曽替最月有服朕朗望朝期木未末本札朱朴"
    "机朽杉材村束条来杯東松板析枕林枚果枝枠枢枯架柄某染柔柱柳柵査柿栃栄栓校株核根格栽"
    "桁桃案桑桜桟梅梗梨械棄棋棒棚棟森棺椅植椎検業極楷楼楽概構様槽標模権横樹橋機欄欠次"
    "欧欲欺款歌歓止正武歩歯歳歴死殉殊残殖殴段殺殻殿毀母毎毒比毛氏民気水氷永氾汁求汎汗"
    "汚江池汰決汽沃沈沖沙没沢河沸油治沼沿況泉泊泌法泡波泣泥注泰泳洋洗洞津洪活派流浄浅"
    "浜浦浪浮浴海浸消涙涯液涼淑淡淫深混添清渇済渉渋渓減渡渦温測港湖湧湯湾湿満源準溝溶"
    "溺滅滋滑滝滞滴漁漂漆漏演漠漢漫漬漸潔潜潟潤潮潰澄激濁濃濫濯瀬火灯灰災炉炊炎炭点為"
    "烈無焦然焼煎煙照煩煮熊熟熱燃燥爆爪爵父爽片版牙牛牧物牲特犠犬犯状狂狙狩独狭猛猟猫"
    "献猶猿獄獣獲玄率玉王玩珍珠班現球理琴瑠璃璧環璽瓦瓶甘甚生産用田由甲申男町画界畏畑"
    "畔留畜畝略番異畳畿疎疑疫疲疾病症痕痘痛痢痩痴瘍療癒癖発登白百的皆皇皮皿盆益盗盛盟"
    "監盤目盲直相盾省眉看県真眠眺眼着睡督睦瞬瞭瞳矛矢知短矯石砂研砕砲破硝硫硬碁碑確磁"
    "磨礁礎示礼社祈祉祖祝神祥票祭禁禅禍福秀私秋科秒秘租秩称移程税稚種稲稼稽稿穀穂積穏"
    "穫穴究空突窃窒窓窟窮窯立竜章童端競竹笑笛符第筆等筋筒答策箇箋算管箱箸節範築篤簡簿"
    "籍籠米粉粋粒粗粘粛粧精糖糧糸系糾紀約紅紋納純紙級紛素紡索紫累細紳紹紺終組経結絞絡"
    "給統絵絶絹継続維綱網綻綿緊総緑緒線締編緩緯練緻縁縄縛縦縫縮績繁繊織繕繭繰缶罪置罰"
    "署罵罷羅羊美羞群羨義羽翁翌習翻翼老考者耐耕耗耳聖聞聴職肉肌肖肘肝股肢肥肩肪肯育肺"
    "胃胆背胎胞胴胸能脂脅脇脈脊脚脱脳腎腐腕腫腰腸腹腺膚膜膝膨膳臆臓臣臨自臭至致臼興舌"
    "舎舗舞舟航般舶舷船艇艦良色艶芋芝芯花芳芸芽苗苛若苦英茂茎茨茶草荒荘荷菊菌菓菜華萎"
    "落葉著葛葬蒸蓄蓋蔑蔵蔽薄薦薪薫薬藍藤藩藻虎虐虚虜虞虫虹蚊蚕蛇蛍蛮蜂蜜融血衆行術街"
    "衛衝衡衣表衰衷袋袖被裁裂装裏裕補裸製裾複褐褒襟襲西要覆覇見規視覚覧親観角解触言訂"
    "訃計討訓託記訟訪設許訳訴診証詐詔評詞詠詣試詩詮詰話該詳誇誉誌認誓誕誘語誠誤説読誰"
    "課調談請論諦諧諭諮諸諾謀謁謄謎謙講謝謡謹識譜警議譲護谷豆豊豚象豪貌貝貞負財貢貧貨"
    "販貪貫責貯貴買貸費貼貿賀賂賃賄資賊賓賛賜賞賠賢賦質賭購贈赤赦走赴起超越趣足距跡路"
    "跳践踊踏踪蹴躍身車軌軍軒軟転軸軽較載輝輩輪輸轄辛辞辣辱農辺込迅迎近返迫迭述迷追退"
    "送逃逆透逐逓途通逝速造連逮週進逸遂遅遇遊運遍過道達違遜遠遡遣適遭遮遵遷選遺避還那"
    "邦邪邸郊郎郡部郭郵郷都酌配酎酒酔酢酪酬酵酷酸醒醜醸采釈里重野量金釜針釣鈍鈴鉄鉛鉢"
    "鉱銀銃銅銘銭鋭鋳鋼錠錦錬錮錯録鍋鍛鍵鎌鎖鎮鏡鐘鑑長門閉開閑間関閣閥閲闇闘阜阪防阻"
    "附降限陛院陣除陥陪陰陳陵陶陸険陽隅隆隊階随隔隙際障隠隣隷隻雄雅集雇雌雑離難雨雪雰"
    "雲零雷電需震霊霜霧露青静非面革靴韓音韻響頂頃項順須預頑頒頓領頬頭頰頻頼題額顎顔顕"
    "願類顧風飛食飢飯飲飼飽飾餅養餌餓館首香馬駄駅駆駐駒騎騒験騰驚骨骸髄高髪鬱鬼魂魅魔"
    "魚鮮鯨鳥鳴鶏鶴鹿麓麗麦麺麻黄黒黙鼓鼻齢𠮟"
)

#: The 863 Jinmeiyō kanji (used in names), from Unihan (kJinmeiyoKanji), without Jōyō ones.
JINMEIYO = (
    "丑丞乃之乎乘也云亘亙些亞亥亦亨亮仔伊伍伶伽佃佑佛侃來侑俄俐俠俣俱倖倦倭偲傭傳僞價"
    "儉儲允兎兒兜其冨冴凉凌凛凜凧凪凰凱函剩劉劍劫勁勳勺勿匁匡卜卯卷卽卿厨厩叉叡叢只叶"
    "吞吻吾哉哨哩啄喋喧喬單喰嘉嘗嘩噂噌嚴圃圈國圓團圭坐坦埜埴堯堰堵堺塙增壕壘壞壬壯壽"
    "夷奄奎套奧奬姥姪娃娩嬉孃孜孟宋宏宕宥寅寓寢實寬寵將專尖尤尭屑峨峯峻峽崚嵩嵯嶋嶺巌"
    "巖巢巫已巳巴巷巽帖帶幌幡庄庇庚庵廟廣廳廻廿弘弛彈彌彗彦彪彬從徠徵德徽忽怜恆恕恢恰"
    "悉悌惇惚惟惠惡惣惹惺愼慧憐應懷戊或戟戰戲托拂拔拜按挺挽捧捲捷捺掠掬揃揭搖搜摑摺撒"
    "撞撫播撰擊擢攝收敍敦斐斡斧斯於旭昂昊昌昏昴晃晄晋晏晒晚晝晟晦晨智暉暢曆曉曙曝曳曾"
    "朋朔李杏杖杜杭杵杷枇柊柏柑柘柚柴柾栖栗栞桂桐桔桧桶梁梓梛條梢梧梯梶棲椀椋椛椰椿楊"
    "楓楕楚楠楢楯榊榎榛榮槇槌槍槙槻樂樋樟樣樫樺樽橘橙橫檀檎檜檢櫂櫓櫛櫻欣欽歎此步歷殆"
    "毅每毘毬氣汀汐汝汲沌沓沫洛洲洵洸浩浬涉淀淋淚淨淳淵渚渥渴渾湊湘湛溜溢溫滉滯漕漣漱"
    "澁澪濕濡瀕瀧瀨灘灸灼烏焚焰煉煌煤熙燈燎燒燕燦燭燿爭爲爾牒牟牡牽犀狀狹狼猪獅獸玖玲"
    "珀珂珈珊琉琢琥琳琵琶瑚瑛瑞瑳瑶瓜瓢甥甫畠畢疊疋疏瘦皐皓盃盜盡眞眸瞥矩砥砦砧硯碎碓"
    "碗碧碩磐磯祁祇祐祕祢祷祿禄禎禪禮禰禱禽禾秤秦稀稔稜稟稻穗穣穰穹穿窄窪窺竣竪竺竿笈"
    "笙笠笹筈筑箔箕篇篠簞簾籾粟粥粹糊紐紗紘紬絃絆絢綜綠綴綸綺綾緋緖緣縞縣縱繡繫纂纏纖"
    "羚翔翠耀而耶耽聡聽肇肋肴胡胤脩脹腔膏臟臥與舜舵芙芥芦芭芹苑苔苺茄茅茉茜茸荻莉莊莞"
    "莫菅菖菩菫菱萄萊萌萠萩萬萱葡董葦葵葺蒐蒔蒙蒲蒼蓉蓑蓬蓮蔓蔣蔦蔭蕃蕉蕎蕗蕨蕪蕾薗薙"
    "薩薰藁藏藝藥蘇蘭虛蝦蝶螺蟬蟹蠟衞衿袈袴裝裟裡裳襖覽訊訣註詢詫誼諄諏諒諺謂謠讃讓豹"
    "貰賑賣賴赳跨蹄蹟輔輯輿轉轟辰辻辿迂迄迦迪逗這逞逢遁遙遥遼邑郁郞鄭酉醇醉醍醐醬釀釉"
    "釘釧銑鋒鋸錄錆錐錘錫鍊鍬鎧鎭鑄閃閏閤阿陀陷隈險隼雀雁雛雜雫霞靖靜鞄鞍鞘鞠鞭頁頌頗"
    "顚顯颯飜饗馨馳馴駈駕駿騷驍驗髮魁魯鮎鯉鯛鰯鱒鱗鳩鳳鳶鴨鴻鵜鵬鷄鷗鷲鷹鷺麒麟麿黃黎"
    "黑默黛鼎齊龍欄廊朗虜類猪神祥福諸都侮僧勉勤卑嘆器墨層悔憎懲敏暑梅海渚漢煮琢碑社祉"
    "祈祐祖祝禍禎穀突節練繁署者臭著視謁謹賓贈逸難響"
)


# ------------------------------------------------------------------------------------------------
# Sources
# ------------------------------------------------------------------------------------------------
def pygame_gui_data() -> Path | None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame_gui.data as d
    except Exception:  # noqa: BLE001 - optional source
        return None
    return Path(d.__file__).resolve().parent


def find_latin(weight: str, latin_dir: str | None) -> Path:
    folder = Path(latin_dir) if latin_dir else pygame_gui_data()
    cands = [folder / f"NotoSans-{weight}.ttf"] if folder else []
    cands += [
        Path(p) for p in sorted(glob.glob(f"/usr/share/fonts/truetype/noto/NotoSans-{weight}.ttf"))
    ]
    for p in cands:
        if p.is_file():
            return p
    raise SystemExit(
        f"build_fonts: cannot find NotoSans-{weight}.ttf (install pygame_gui, or give --latin-dir)"
    )


def find_cjk(weight: str, cjk: str | None) -> tuple[Path, int]:
    """The Noto Sans CJK JP (or Noto Sans JP) file for ``weight`` and its index in a .ttc."""
    cands: list[Path] = []
    if cjk:
        cands.append(Path(cjk.replace("{weight}", weight)))
    cands.append(Path(f"/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"))
    data = pygame_gui_data()
    if data:
        cands.append(data / f"NotoSansJP-{weight}.otf")
    for p in cands:
        if p.is_file():
            return p, _jp_index(p)
    raise SystemExit(
        "build_fonts: cannot find Noto Sans CJK JP: run "
        "'apt-get install -y fonts-noto-cjk' or give --cjk FILE"
    )


def find_symbols(symbols: str | None) -> Path | None:
    for p in ([Path(symbols)] if symbols else []) + [
        Path("/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf")
    ]:
        if p.is_file():
            return p
    return None


def _jp_index(path: Path) -> int:
    if path.suffix.lower() != ".ttc":
        return 0
    from fontTools.ttLib import TTCollection

    for i, f in enumerate(TTCollection(str(path), lazy=True).fonts):
        if f["name"].getDebugName(1) == "Noto Sans CJK JP":
            return i
    return 0


# ------------------------------------------------------------------------------------------------
# Building
# ------------------------------------------------------------------------------------------------
def wanted(kanji: str, texts: dict[str, str]) -> set[int]:
    codes = {c for a, b in BLOCKS for c in range(a, b + 1)}
    codes |= {ord(ch) for ch in needed_chars(texts)}
    if kanji in ("joyo", "jinmeiyo"):
        codes |= {ord(ch) for ch in JOYO}
    if kanji == "jinmeiyo":
        codes |= {ord(ch) for ch in JINMEIYO}
    return codes


def _subset(path: Path, index: int, codes: set[int], features: list[str], hinting: bool):
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), fontNumber=index, recalcTimestamp=False)
    o = subset.Options()
    o.layout_features = features
    o.name_IDs = ["*"]
    o.name_languages = [0x409]
    o.notdef_outline = True
    o.glyph_names = False
    o.hinting = hinting
    o.desubroutinize = True
    o.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "DSIG", "meta"]
    s = subset.Subsetter(o)
    s.populate(unicodes=codes)
    s.subset(font)
    return font


def _cff_to_glyf(font, max_err: float = 1.0) -> None:
    """Cubic (CFF) outlines -> TrueType quadratics, in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        gs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    glyf.compile(font)


def _rename(font, weight: str, sources: list[tuple[str, str, str]]) -> None:
    name = font["name"]
    copyrights = "; ".join(dict.fromkeys(c for _, c, _ in sources if c))
    made_from = ", ".join(f"{fam} {ver}" for fam, _, ver in sources)
    ps = FAMILY.replace(" ", "") + "-" + weight
    records = {
        0: copyrights,
        1: FAMILY,
        2: weight,
        3: f"{VERSION};{ps}",
        4: f"{FAMILY} {weight}",
        5: f"Version {VERSION}; subset of {made_from}",
        6: ps,
        10: f"A subset of {made_from}, merged for Crossroads: Balanced Diplomacy in Central "
        "Asia by tools/build_fonts.py.",
        13: "This Font Software is licensed under the SIL Open Font License, Version 1.1. "
        "This license is available with a FAQ at: https://openfontlicense.org",
        14: "https://openfontlicense.org",
    }
    name.names = []
    for nid, text in records.items():
        name.setName(text, nid, 3, 1, 0x409)
    font["head"].created = FIXED_TIME
    font["head"].modified = FIXED_TIME


def _source_info(path: Path, index: int) -> tuple[str, str, str]:
    from fontTools.ttLib import TTFont

    f = TTFont(str(path), fontNumber=index, lazy=True)
    n = f["name"]
    ver = (n.getDebugName(5) or "").split(";")[0].replace("Version ", "")
    return (n.getDebugName(1) or path.stem, n.getDebugName(0) or "", ver)


def build_weight(
    weight: str,
    codes: set[int],
    out: Path,
    latin_dir: str | None,
    cjk: str | None,
    symbols: str | None,
    tmp: Path,
) -> Path:
    from fontTools.merge import Merger, Options

    latin_path = find_latin(weight, latin_dir)
    cjk_path, idx = find_cjk(weight, cjk)
    latin = _subset(
        latin_path, 0, codes, ["kern", "mark", "mkmk", "ccmp", "locl", "liga"], hinting=True
    )
    have = set(latin.getBestCmap())
    cjk_font = _subset(cjk_path, idx, codes - have, [], hinting=False)
    if "CFF " in cjk_font:
        _cff_to_glyf(cjk_font)
    have |= set(cjk_font.getBestCmap())
    parts = [(latin, latin_path, 0), (cjk_font, cjk_path, idx)]
    sym_path = find_symbols(symbols)
    if sym_path and (codes - have) & font_codepoints(sym_path):
        parts.append((_subset(sym_path, 0, codes - have, [], hinting=False), sym_path, 0))
    files = []
    for i, (font, _, _) in enumerate(parts):
        files.append(str(tmp / f"part{i}-{weight}.ttf"))
        font.save(files[-1])
    merged = Merger(options=Options(drop_tables=["vhea", "vmtx"])).merge(files)
    # keep Noto Sans's line metrics, so the window's layout is the same as with Noto Sans
    for tag, attrs in (
        ("hhea", ("ascent", "descent", "lineGap")),
        (
            "OS/2",
            ("sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent", "usWinDescent"),
        ),
    ):
        for attr in attrs:
            setattr(merged[tag], attr, getattr(latin[tag], attr))
    _rename(merged, weight, [_source_info(p, i) for _, p, i in parts])
    merged.recalcTimestamp = False
    dest = out / f"{FAMILY.replace(' ', '')}-{weight}.ttf"
    merged.save(str(dest), reorderTables=True)
    print(
        f"  {dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest}: "
        f"{dest.stat().st_size / 1e6:.2f} MB, {len(merged.getGlyphOrder())} glyphs "
        f"(from {', '.join(p.name for _, p, _ in parts)})"
    )
    return dest


OFL_HEADER = """Crossroads Sans is a subset of three fonts, merged by tools/build_fonts.py:

Noto Sans: Copyright 2022 The Noto Project Authors
(https://github.com/notofonts/latin-greek-cyrillic)

Noto Sans CJK JP: Copyright 2014-2021 Adobe (http://www.adobe.com/),
with Reserved Font Name 'Source'. (https://github.com/notofonts/noto-cjk)

Noto Sans Symbols 2 (a few dingbats): Copyright 2017 Google Inc.
(https://github.com/notofonts/symbols)

The name "Crossroads Sans" marks this as a modified version.

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at:
https://openfontlicense.org

"""


def write_licence(out: Path) -> None:
    data = pygame_gui_data()
    text = None
    for p in [data / "licenses" / "NotoSans-LICENSE.txt"] if data else []:
        if p.is_file():
            raw = p.read_text(encoding="utf-8")
            i = raw.find("-----")
            text = raw[i:] if i >= 0 else None
    if text is None:
        existing = out / "OFL.txt"
        if existing.is_file():
            return  # keep the licence already there
        raise SystemExit("build_fonts: cannot find the OFL text to copy (pygame_gui's licences)")
    (out / "OFL.txt").write_text(OFL_HEADER + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(FONT_DIR), help="output folder (default assets/fonts)")
    ap.add_argument(
        "--kanji",
        choices=("jinmeiyo", "joyo", "used"),
        default="jinmeiyo",
        help="kanji to keep: Jōyō + Jinmeiyō (default), Jōyō only, or only those the texts use",
    )
    ap.add_argument("--latin-dir", help="folder with NotoSans-Regular.ttf and -Bold.ttf")
    ap.add_argument("--cjk", help="Noto Sans CJK file; '{weight}' is replaced by Regular/Bold")
    ap.add_argument("--symbols", help="Noto Sans Symbols 2 file (optional)")
    ap.add_argument("--weights", default="Regular,Bold")
    args = ap.parse_args(argv)
    try:
        import fontTools  # noqa: F401
    except ImportError:
        print(
            "build_fonts: fontTools is missing: .venv/bin/pip install -e '.[fontbuild]'",
            file=sys.stderr,
        )
        return 2

    import tempfile

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    texts = project_texts()
    codes = wanted(args.kanji, texts)
    print(
        f"building {FAMILY}: {len(codes)} code points wanted "
        f"({len(needed_chars(texts))} distinct characters in {len(texts)} text files)"
    )
    built = []
    with tempfile.TemporaryDirectory() as tmp:
        for w in args.weights.split(","):
            built.append(
                build_weight(
                    w.strip(), codes, out, args.latin_dir, args.cjk, args.symbols, Path(tmp)
                )
            )
    write_licence(out)
    total = sum(p.stat().st_size for p in out.glob("*.[ot]t[fc]"))
    print(f"total {total / 1e6:.2f} MB in {out}")
    status = 0
    if total > SIZE_BUDGET:
        print(
            f"build_fonts: warning: the fonts are over {SIZE_BUDGET // 2**20} MB; "
            "try --kanji joyo or --kanji used",
            file=sys.stderr,
        )
    need = needed_chars(texts)
    for p in built:
        have = font_codepoints(p)
        missing = sorted(c for c in need if ord(c) not in have)
        if missing:
            status = 1
            used = where_used(texts, missing)
            print(
                f"build_fonts: {p.name} cannot draw {len(missing)} character(s) the game "
                "uses (neither source font has them):",
                file=sys.stderr,
            )
            for c in missing:
                print(f"  {describe_char(c)} in {', '.join(used[c][:3])}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
