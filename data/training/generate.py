#!/usr/bin/env python3
"""Sunwai complaint-classification corpus generator.

Writes train.jsonl and heldout.jsonl next to this file.  Every example is
built from hand-written material in this file: for each category, a list of
complaint *situations*, each written out in Devanagari Hindi (d), romanised
Hindi (h) and English (e), sometimes with a hand-written code-mixed line (m)
and a very short form (x).  The generator fills the slots ({place}, {veh},
{amt}, ...) and adds the noise real tweets carry (handles, hashtags, links,
emoji, openers/closers, spelling variation, typos, caps).

Held-out honesty: the held-out split is written from a separate list of
situations per category (the "heldout" block of each category) and from a
separate set of districts/localities/police stations (split "heldout" in
PLACES).  Nothing in the held-out split is used to tune anything here.

Deterministic: random.Random seeded from SEED and the category/split name.
Python 3 standard library only.

    /usr/bin/python3 generate.py            # writes train.jsonl, heldout.jsonl
"""
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20250611
HERE = os.path.dirname(os.path.abspath(__file__))

CATEGORIES = [
    "emergency", "crime_against_women", "cyber_fraud", "theft", "vehicle_theft",
    "assault", "missing_person", "domestic_violence", "land_dispute", "traffic",
    "nuisance", "police_conduct", "information", "appreciation", "spam", "not_police",
]
PRIORITY = {c: "P2" for c in CATEGORIES}
PRIORITY["emergency"] = "P1"
for _c in ("information", "appreciation", "spam", "not_police", "traffic", "nuisance"):
    PRIORITY[_c] = "P3"

TARGET = {"train": 220, "heldout": 64}

# --------------------------------------------------------------------------
# Places.  (LGD district name, split, state, city names latin, city names
# devanagari, RTO codes, district handles, localities).  A locality is
# "Latin/देवनागरी" (police station of the same name) or
# "Latin/देवनागरी>PS Latin/PS देवनागरी".  Train and held-out districts,
# localities and police stations are disjoint (Bengaluru Urban is the one
# district in both; its localities/stations are disjoint).
# --------------------------------------------------------------------------
PLACES = [
    # ---------------- train ----------------
    ("LUCKNOW", "train", "UP", ["Lucknow", "Lko", "lucknow", "Lucknow"], ["लखनऊ"], ["UP32"], ["@lkopolice"],
     "Hazratganj/हजरतगंज; Gomti Nagar/गोमती नगर; Aliganj/अलीगंज; Chinhat/चिनहट; Aminabad/अमीनाबाद; "
     "Mahanagar/महानगर; Vikas Nagar/विकास नगर; Alambagh/आलमबाग; Kaiserbagh/कैसरबाग"),
    ("KANPUR NAGAR", "train", "UP", ["Kanpur", "kanpur", "Kanpur Nagar"], ["कानपुर"], ["UP78"], ["@kanpurnagarpol"],
     "Kidwai Nagar/किदवई नगर; Kakadeo/काकादेव; Swaroop Nagar/स्वरूप नगर; Govind Nagar/गोविंद नगर; "
     "Kalyanpur/कल्याणपुर; Barra/बर्रा; Chakeri/चकेरी; Panki/पनकी"),
    ("GHAZIABAD", "train", "UP", ["Ghaziabad", "GZB", "ghaziabad"], ["गाजियाबाद", "ग़ाज़ियाबाद"], ["UP14"], ["@ghaziabadpolice"],
     "Indirapuram/इंदिरापुरम; Raj Nagar Extension/राजनगर एक्सटेंशन>Nandgram/नंदग्राम; Loni/लोनी; "
     "Sahibabad/साहिबाबाद; Kavi Nagar/कविनगर; Vijay Nagar/विजय नगर; Khoda/खोड़ा; Muradnagar/मुरादनगर"),
    ("GAUTAM BUDDHA NAGAR", "train", "UP", ["Noida", "noida", "Greater Noida", "GB Nagar"], ["नोएडा", "ग्रेटर नोएडा"], ["UP16"], ["@noidapolice"],
     "Sector 62/सेक्टर 62>Sector 58/सेक्टर 58; Sector 18/सेक्टर 18>Sector 20/सेक्टर 20; "
     "Pari Chowk/परी चौक>Knowledge Park/नॉलेज पार्क; Gaur City/गौर सिटी>Bisrakh/बिसरख; Dadri/दादरी; "
     "Jewar/जेवर; Sector 49/सेक्टर 49; Surajpur/सूरजपुर"),
    ("VARANASI", "train", "UP", ["Varanasi", "Banaras", "Kashi", "varanasi"], ["वाराणसी", "बनारस", "काशी"], ["UP65"], ["@varanasipolice"],
     "Lanka/लंका; Sigra/सिगरा; Cantt/कैंट; Chowk/चौक; Bhelupur/भेलूपुर; Lohta/लोहता; Sarnath/सारनाथ; "
     "Dashashwamedh/दशाश्वमेध"),
    ("AGRA", "train", "UP", ["Agra", "agra"], ["आगरा"], ["UP80"], ["@agrapolice"],
     "Tajganj/ताजगंज; Sikandra/सिकंदरा; Kamla Nagar/कमला नगर; Shahganj/शाहगंज; Lohamandi/लोहामंडी; "
     "Hariparvat/हरीपर्वत; Etmaddaula/एत्माद्दौला"),
    ("MEERUT", "train", "UP", ["Meerut", "meerut"], ["मेरठ"], ["UP15"], [],
     "Lalkurti/लालकुर्ती; Partapur/परतापुर; Kankerkhera/कंकरखेड़ा; Brahmpuri/ब्रह्मपुरी; "
     "Medical College area/मेडिकल कॉलेज क्षेत्र>Medical/मेडिकल; Nauchandi/नौचंदी; Sardhana/सरधना"),
    ("GORAKHPUR", "train", "UP", ["Gorakhpur", "gorakhpur"], ["गोरखपुर"], ["UP53"], [],
     "Gorakhnath/गोरखनाथ; Shahpur/शाहपुर; Rajghat/राजघाट; Chiluatal/चिलुआताल; Gulariha/गुलरिहा; Tiwaripur/तिवारीपुर"),
    ("BAREILLY", "train", "UP", ["Bareilly", "bareilly"], ["बरेली"], ["UP25"], [],
     "Izzatnagar/इज्जतनगर; Baradari/बारादरी; Kila/किला; Subhash Nagar/सुभाष नगर; Bithri Chainpur/बिथरी चैनपुर"),
    ("ALIGARH", "train", "UP", ["Aligarh", "aligarh"], ["अलीगढ़"], ["UP81"], [],
     "Quarsi/क्वार्सी; Sasni Gate/सासनी गेट; Gandhi Park/गांधी पार्क; Delhi Gate/देहली गेट; Banna Devi/बन्नादेवी; Khair/खैर"),
    ("DEHRADUN", "train", "UK", ["Dehradun", "Doon", "dehradun"], ["देहरादून", "दून"], ["UK07"], [],
     "Prem Nagar/प्रेमनगर; Rajpur Road/राजपुर रोड>Rajpur/राजपुर; Clement Town/क्लेमेंटटाउन; Patel Nagar/पटेल नगर; "
     "Doiwala/डोईवाला; Dalanwala/डालनवाला; Nehru Colony/नेहरू कॉलोनी; Rishikesh/ऋषिकेश"),
    ("HARIDWAR", "train", "UK", ["Haridwar", "haridwar"], ["हरिद्वार"], ["UK08"], [],
     "Jwalapur/ज्वालापुर; Kankhal/कनखल; Roorkee/रुड़की>Gangnahar/गंगनहर; Ranipur/रानीपुर; Bahadrabad/बहादराबाद; "
     "Laksar/लक्सर; Piran Kaliyar/पिरान कलियर>Kaliyar/कलियर"),
    ("JAIPUR", "train", "RJ", ["Jaipur", "jaipur", "JPR"], ["जयपुर"], ["RJ14", "RJ45"], [],
     "Malviya Nagar/मालवीय नगर; Mansarovar/मानसरोवर; Sanganer/सांगानेर; Jhotwara/झोटवाड़ा; "
     "Johari Bazar/जौहरी बाजार>Manak Chowk/माणक चौक; Sodala/सोडाला; Bajaj Nagar/बजाज नगर"),
    ("JODHPUR", "train", "RJ", ["Jodhpur", "jodhpur"], ["जोधपुर"], ["RJ19"], [],
     "Sardarpura/सरदारपुरा; Ratanada/रातानाडा; Shastri Nagar/शास्त्री नगर; Paota/पावटा>Mahamandir/महामंदिर; "
     "Basni/बासनी; Chopasni Housing Board/चौपासनी हाउसिंग बोर्ड"),
    ("PATNA", "train", "BR", ["Patna", "patna"], ["पटना"], ["BR01"], [],
     "Kankarbagh/कंकड़बाग; Boring Road/बोरिंग रोड>SK Puri/एसके पुरी; Rajendra Nagar/राजेंद्र नगर>Kadamkuan/कदमकुआं; "
     "Danapur/दानापुर; Patliputra/पाटलिपुत्र; Gardanibagh/गर्दनीबाग; Phulwari Sharif/फुलवारी शरीफ>Phulwari/फुलवारी"),
    ("GAYA", "train", "BR", ["Gaya", "gaya"], ["गया"], ["BR02"], [],
     "Bodh Gaya/बोधगया>Bodhgaya/बोधगया; Delha/डेल्हा; Chandauti/चंदौती; Magadh Medical/मगध मेडिकल; Buniyadganj/बुनियादगंज"),
    ("BENGALURU URBAN", "train", "KA", ["Bengaluru", "Bangalore", "Blr", "bengaluru"], ["बेंगलुरु", "बैंगलोर"], ["KA01", "KA03", "KA05", "KA51", "KA53"], [],
     "Koramangala/कोरमंगला; Indiranagar/इंदिरानगर; HSR Layout/एचएसआर लेआउट; Whitefield/व्हाइटफील्ड; Jayanagar/जयनगर; "
     "Marathahalli/मराठाहल्ली; Electronic City/इलेक्ट्रॉनिक सिटी; BTM Layout/बीटीएम लेआउट>Mico Layout/माइको लेआउट; Bellandur/बेलंदूर"),
    # ---------------- held-out only ----------------
    ("PRAYAGRAJ", "heldout", "UP", ["Prayagraj", "Allahabad", "prayagraj"], ["प्रयागराज", "इलाहाबाद"], ["UP70"], ["@prayagraj_pol"],
     "Civil Lines/सिविल लाइंस; Kareli/करेली; Naini/नैनी; Jhunsi/झूंसी; Dhoomanganj/धूमनगंज; George Town/जार्ज टाउन; Phaphamau/फाफामऊ"),
    ("MORADABAD", "heldout", "UP", ["Moradabad", "moradabad"], ["मुरादाबाद"], ["UP21"], [],
     "Katghar/कटघर; Majhola/मझोला; Pakbada/पाकबड़ा; Mughalpura/मुगलपुरा; Thakurdwara/ठाकुरद्वारा"),
    ("JHANSI", "heldout", "UP", ["Jhansi", "jhansi"], ["झांसी"], ["UP93"], [],
     "Sipri Bazar/सीपरी बाजार; Navabad/नवाबाद; Babina/बबीना; Sadar Bazar/सदर बाजार; Mauranipur/मऊरानीपुर"),
    ("AYODHYA", "heldout", "UP", ["Ayodhya", "Faizabad", "ayodhya"], ["अयोध्या", "फैजाबाद"], ["UP42"], [],
     "Ramkot/रामकोट>Ram Janmabhoomi/रामजन्मभूमि; Rekabganj/रिकाबगंज>Kotwali Nagar/कोतवाली नगर; "
     "Darshan Nagar/दर्शन नगर; Bikapur/बीकापुर; Rudauli/रुदौली"),
    ("SAHARANPUR", "heldout", "UP", ["Saharanpur", "saharanpur"], ["सहारनपुर"], ["UP11"], [],
     "Deoband/देवबंद; Gangoh/गंगोह; Janakpuri/जनकपुरी; Mandi/मंडी; Nakur/नकुड़"),
    ("NAINITAL", "heldout", "UK", ["Nainital", "Haldwani", "nainital"], ["नैनीताल", "हल्द्वानी"], ["UK04"], [],
     "Mallital/मल्लीताल; Kathgodam/काठगोदाम; Ramnagar/रामनगर; Bhowali/भवाली; Lalkuan/लालकुआं; Mukhani/मुखानी"),
    ("UDHAM SINGH NAGAR", "heldout", "UK", ["Rudrapur", "Udham Singh Nagar", "US Nagar"], ["रुद्रपुर", "ऊधम सिंह नगर"], ["UK06"], [],
     "Kashipur/काशीपुर; Kichha/किच्छा; Sitarganj/सितारगंज; Khatima/खटीमा; Jaspur/जसपुर; Transit Camp/ट्रांजिट कैंप"),
    ("UDAIPUR", "heldout", "RJ", ["Udaipur", "udaipur"], ["उदयपुर"], ["RJ27"], [],
     "Hiran Magri/हिरणमगरी; Surajpole/सूरजपोल; Ambamata/अंबामाता; Bhupalpura/भूपालपुरा; Sukher/सुखेर"),
    ("KOTA", "heldout", "RJ", ["Kota", "kota"], ["कोटा"], ["RJ20"], [],
     "Kunhari/कुन्हाड़ी; Vigyan Nagar/विज्ञान नगर; Talwandi/तलवंडी>Jawahar Nagar/जवाहर नगर; Nayapura/नयापुरा; Borkhera/बोरखेड़ा"),
    ("AJMER", "heldout", "RJ", ["Ajmer", "ajmer"], ["अजमेर"], ["RJ01"], [],
     "Alwar Gate/अलवर गेट; Pushkar/पुष्कर; Christianganj/क्रिश्चियनगंज; Dargah Bazar/दरगाह बाजार>Dargah/दरगाह; Ramganj/रामगंज"),
    ("MUZAFFARPUR", "heldout", "BR", ["Muzaffarpur", "muzaffarpur"], ["मुजफ्फरपुर"], ["BR06"], [],
     "Brahmpura/ब्रह्मपुरा; Kazi Mohammadpur/काजी मोहम्मदपुर; Mithanpura/मिठनपुरा; Ahiyapur/अहियापुर; Kanti/कांटी"),
    ("BHAGALPUR", "heldout", "BR", ["Bhagalpur", "bhagalpur"], ["भागलपुर"], ["BR10"], [],
     "Tilkamanjhi/तिलकामांझी; Barari/बरारी; Nathnagar/नाथनगर; Jogsar/जोगसर; Sultanganj/सुल्तानगंज"),
    ("BENGALURU URBAN", "heldout", "KA", ["Bengaluru", "Bangalore", "bengaluru"], ["बेंगलुरु"], ["KA04", "KA50"], [],
     "Yelahanka/येलहंका; Banashankari/बनशंकरी; Malleshwaram/मल्लेश्वरम; Hebbal/हेब्बल; KR Puram/केआर पुरम; "
     "Rajajinagar/राजाजीनगर; Basavanagudi/बसवनगुडी"),
]

STATE_HANDLES = {
    "UP": ["@Uppolice", "@Uppolice", "@dgpup", "@112UttarPradesh"],
    "UK": ["@uttarakhandcops"],
    "RJ": ["@PoliceRajasthan"],
    "BR": ["@BiharPolice"],
    "KA": ["@blrcitypolice"],
}
STATE_TAGS = {
    "UP": ["#UPPolice", "#UttarPradesh", "#up_police", "#UP"],
    "UK": ["#UttarakhandPolice", "#Uttarakhand"],
    "RJ": ["#RajasthanPolice", "#Rajasthan"],
    "BR": ["#BiharPolice", "#Bihar"],
    "KA": ["#KarnatakaPolice", "#Karnataka", "#BCP"],
}
EXTRA_HANDLES = {"UP": ["@myogiadityanath", "@CMOfficeUP"], "UK": ["@pushkardhami"], "RJ": [], "BR": [], "KA": []}


def _parse_places():
    out = {"train": [], "heldout": []}
    for lgd, split, state, city_l, city_d, rto, handles, locs in PLACES:
        for loc in locs.split(";"):
            loc = loc.strip()
            if not loc:
                continue
            if ">" in loc:
                a, b = loc.split(">")
            else:
                a, b = loc, loc
            loc_l, loc_d = [s.strip() for s in a.split("/")]
            ps_l, ps_d = [s.strip() for s in b.split("/")]
            out[split].append(dict(lgd=lgd, state=state, city_l=city_l, city_d=city_d, rto=rto,
                                   handles=handles, loc_l=loc_l, loc_d=loc_d, ps_l=ps_l, ps_d=ps_d))
    return out


PLACE_POOL = _parse_places()

# --------------------------------------------------------------------------
# People and small values
# --------------------------------------------------------------------------
NAMES_M = [("Ramesh", "रमेश"), ("Suresh Kumar", "सुरेश कुमार"), ("Rahul", "राहुल"), ("Amit Verma", "अमित वर्मा"),
           ("Vikas", "विकास"), ("Sanjay Yadav", "संजय यादव"), ("Mohd Arif", "मो. आरिफ"), ("Imran", "इमरान"),
           ("Deepak", "दीपक"), ("Pankaj Mishra", "पंकज मिश्रा"), ("Rakesh", "राकेश"), ("Ajay Singh", "अजय सिंह"),
           ("Manoj", "मनोज"), ("Sunil", "सुनील"), ("Raju", "राजू"), ("Shahid", "शाहिद"), ("Harish Rawat", "हरीश रावत"),
           ("Gurpreet", "गुरप्रीत"), ("Naveen", "नवीन"), ("Ravi Shankar", "रवि शंकर"), ("Dinesh Meena", "दिनेश मीणा"),
           ("Santosh Paswan", "संतोष पासवान"), ("Anil", "अनिल"), ("Faizan", "फैजान")]
NAMES_F = [("Pooja", "पूजा"), ("Neha", "नेहा"), ("Priya", "प्रिया"), ("Sunita", "सुनीता"), ("Anjali", "अंजलि"),
           ("Shabnam", "शबनम"), ("Kavita", "कविता"), ("Rekha", "रेखा"), ("Nisha", "निशा"), ("Sana", "सना"),
           ("Meena", "मीना"), ("Khushi", "खुशी"), ("Ritu", "रितु"), ("Sapna", "सपना")]
NAMES_B = [("Aryan", "आर्यन"), ("Golu", "गोलू"), ("Sahil", "साहिल"), ("Ansh", "अंश"), ("Rohan", "रोहन"),
           ("Ayaan", "अयान"), ("Chhotu", "छोटू"), ("Krish", "कृष"), ("Monu", "मोनू"), ("Sonu", "सोनू")]
MONTHS_L = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
MONTHS_D = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
DEVA_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")


def indian_commas(n):
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    parts = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    if head:
        parts.insert(0, head)
    return ",".join(parts) + "," + tail


def money(rng, lo, hi):
    v = int(round(10 ** rng.uniform(lo, hi)))
    if v > 10000:
        v = int(round(v, -3)) if rng.random() < 0.6 else int(round(v, -2))
    elif v > 1000:
        v = int(round(v, -2)) if rng.random() < 0.7 else v
    return v


def fmt_money(rng, v, script):
    thousands = v % 1000 == 0 and v >= 1000
    if script == "d":
        opts = ["₹" + indian_commas(v), f"{v} रुपये", "₹" + str(v), f"{indian_commas(v)} रुपए"]
        if thousands and v < 100000:
            opts.append(f"{v // 1000} हजार रुपये")
        if v % 100000 == 0:
            opts.append(f"{v // 100000} लाख रुपये")
    elif script == "h":
        opts = [f"Rs {v}", f"{indian_commas(v)} rs", f"rs.{indian_commas(v)}", "₹" + indian_commas(v), f"{v} rupay"]
        if thousands and v < 100000:
            opts += [f"{v // 1000}k", f"{v // 1000} hazar"]
        if v % 100000 == 0:
            opts.append(f"{v // 100000} lakh")
    else:
        opts = [f"Rs {indian_commas(v)}", "₹" + indian_commas(v), f"INR {v}", f"Rs.{v}/-"]
        if thousands and v < 100000:
            opts.append(f"{v // 1000}k")
        if v % 100000 == 0:
            opts.append(f"{v // 100000} lakh")
    return rng.choice(opts)


def fmt_time(rng, script):
    h = rng.randint(1, 12)
    mm = rng.choice(["00", "15", "30", "45", "10", "40", "20"])
    if script == "d":
        return rng.choice([f"रात {h} बजे", f"सुबह {h} बजे", f"शाम {h} बजे", f"करीब {h} बजे", f"{h}:{mm} बजे",
                           f"रात {h}:{mm} बजे", f"दोपहर {h} बजे"])
    if script == "h":
        return rng.choice([f"raat {h} baje", f"subah {h} baje", f"sham {h} bje", f"kareeb {h} baje", f"{h}:{mm} pm",
                           f"{h}.{mm} baje", f"raat ko {h} baje", f"dopahar {h} baje"])
    return rng.choice([f"at {h} pm", f"around {h}:{mm} am", f"at {h}.{mm} pm", f"at about {h} pm", f"around {h} am",
                       f"at {h}:{mm}"])


def fmt_date(rng, script):
    d = rng.randint(1, 28)
    m = rng.randint(1, 12)
    y = rng.choice([2024, 2025])
    if script == "d":
        return rng.choice([f"{d} {MONTHS_D[m-1]}", f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}", f"{d} {MONTHS_D[m-1]} {y}"])
    if script == "h":
        return rng.choice([f"{d} {MONTHS_L[m-1].lower()}", f"{d}/{m}", f"{d:02d}-{m:02d}-{y}", f"{d} {MONTHS_L[m-1]}"])
    return rng.choice([f"{d} {MONTHS_L[m-1]}", f"{d:02d}/{m:02d}/{y}", f"{d}th {MONTHS_L[m-1]}", f"{MONTHS_L[m-1]} {d}"])


def fmt_phone(rng):
    first = rng.choice("9876")
    rest = "".join(rng.choice("0123456789") for _ in range(9))
    num = first + rest
    style = rng.random()
    if style < 0.35:
        return num[:2] + "XXXXXX" + num[-2:]
    if style < 0.5:
        return num[:5] + " " + num[5:]
    if style < 0.6:
        return "+91" + num
    return num


def fmt_vehicle(rng, rto):
    code = rng.choice(rto)
    st, num = code[:2], code[2:]
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(rng.choice([1, 2, 2, 2])))
    digits = f"{rng.randint(1, 9999):04d}"
    style = rng.random()
    if style < 0.45:
        return f"{st}{num}{letters}{digits}"
    if style < 0.65:
        return f"{st} {num} {letters} {digits}"
    if style < 0.8:
        return f"{st}{num}{letters}{digits}".lower()
    if style < 0.9:
        return f"{st}-{num}-{letters}-{digits}"
    return f"{st}{num} {letters} {digits}"


class Ctx:
    """Slot values for one example (same value each time a slot repeats)."""

    def __init__(self, rng, place, script):
        self.rng = rng
        self.place = place
        self.script = script  # 'd', 'h', 'e'
        self.cache = {}
        self.named_place = False

    def get(self, key):
        if key in self.cache:
            return self.cache[key]
        v = self._make(key)
        self.cache[key] = v
        return v

    def _make(self, key):
        rng, p, s = self.rng, self.place, self.script
        deva = s == "d"
        if key == "place":
            self.named_place = True
            return p["loc_d"] if deva else p["loc_l"]
        if key == "ps":
            self.named_place = True
            return p["ps_d"] if deva else p["ps_l"]
        if key == "city":
            self.named_place = True
            return rng.choice(p["city_d"]) if deva else rng.choice(p["city_l"])
        if key == "veh":
            return fmt_vehicle(rng, p["rto"])
        if key == "amt":
            return fmt_money(rng, money(rng, 3.3, 5.6), s)
        if key == "amt2":
            return fmt_money(rng, money(rng, 2.0, 3.7), s)
        if key == "time":
            return fmt_time(rng, s)
        if key == "date":
            return fmt_date(rng, s)
        if key == "phone":
            return fmt_phone(rng)
        if key == "n":
            return str(rng.randint(2, 8))
        if key == "days":
            return str(rng.randint(2, 20))
        if key == "hours":
            return str(rng.randint(2, 10))
        if key == "mins":
            return str(rng.choice([10, 15, 20, 25, 30, 40, 45]))
        if key == "cage":
            return str(rng.randint(4, 15))
        if key == "oage":
            return str(rng.randint(62, 86))
        if key == "age":
            return str(rng.randint(16, 27))
        if key == "name":
            return rng.choice(NAMES_M)[1 if deva else 0]
        if key == "fname":
            return rng.choice(NAMES_F)[1 if deva else 0]
        if key == "bname":
            return rng.choice(NAMES_B)[1 if deva else 0]
        if key == "cno":
            return str(rng.randint(10 ** 13, 10 ** 14 - 1))
        if key == "fir":
            return f"{rng.randint(1, 999):03d}/{rng.choice([2024, 2025])}"
        if key == "year":
            return str(rng.choice([2019, 2020, 2021, 2022, 2023]))
        raise KeyError(key)


SLOT_RE = re.compile(r"\{(\w+)\}")


def render(tpl, ctx):
    return SLOT_RE.sub(lambda m: ctx.get(m.group(1)), tpl)


# --------------------------------------------------------------------------
# Noise
# --------------------------------------------------------------------------
HINGLISH_VAR = {
    "hai": ["hai", "hai", "he", "h", "hai"], "hain": ["hain", "h", "hai", "hn"], "nahi": ["nahi", "nhi", "nai", "nahin", "nahi"],
    "nahin": ["nahin", "nahi", "nhi"], "kripya": ["kripya", "plz", "pls", "krpya", "kripya"], "please": ["please", "plz", "pls", "plzz", "please"],
    "chori": ["chori", "chouri", "chori", "chorri"], "thana": ["thana", "thane", "thaana", "thana"], "thane": ["thane", "thana", "thane"],
    "madad": ["madad", "help", "madat", "madad"], "kar": ["kar", "kr", "kar"], "raha": ["raha", "rha", "raha"], "rahe": ["rahe", "rhe", "rahe"],
    "rahi": ["rahi", "rhi"], "gaya": ["gaya", "gya", "gaya"], "gayi": ["gayi", "gyi", "gai", "gayi"], "gaye": ["gaye", "gye"],
    "bahut": ["bahut", "bahot", "bhut", "bht"], "kuch": ["kuch", "kuchh", "kch"], "mein": ["mein", "me", "mai", "m"], "me": ["me", "mein", "me", "m"],
    "kya": ["kya", "kia", "kya"], "jaldi": ["jaldi", "jldi", "jaldi"], "sir": ["sir", "sir ji", "sirji", "sir", "sr"],
    "aap": ["aap", "ap"], "aapke": ["aapke", "apke"], "hu": ["hu", "hun", "hoon", "hu"], "hoon": ["hoon", "hu", "hun"],
    "kyu": ["kyu", "kyun", "kyon"], "abhi": ["abhi", "abi", "abhi"], "lekin": ["lekin", "lkn", "but"], "aur": ["aur", "or", "aur"],
    "hua": ["hua", "huwa", "hua"], "hui": ["hui", "huyi"], "diya": ["diya", "dia"], "liya": ["liya", "lia"], "karke": ["karke", "krke"],
    "kijiye": ["kijiye", "kijie", "kariye", "kijiye"], "dijiye": ["dijiye", "dijie", "do"], "thanks": ["thanks", "thnx", "thx", "thank u"],
    "you": ["you", "u"], "your": ["your", "ur"], "karo": ["karo", "kro"], "kare": ["kare", "karein", "kre"], "bhi": ["bhi", "bhi", "b"],
    "police": ["police", "police", "pulis", "police"], "ladki": ["ladki", "larki"], "ladke": ["ladke", "larke"], "paise": ["paise", "pese", "paisa"],
    "gadi": ["gadi", "gaadi"], "gaadi": ["gaadi", "gadi", "gari"], "bike": ["bike", "baik", "bike"], "help": ["help", "halp", "help"],
    "complaint": ["complaint", "complain", "complaint", "cmplnt"], "rupaye": ["rupaye", "rupay", "rs"], "wale": ["wale", "vale"],
    "kal": ["kal", "kl"], "hamare": ["hamare", "humare", "hmare"], "hamara": ["hamara", "humara", "hmara"], "mera": ["mera", "mera", "mra"],
}
ENGLISH_VAR = {
    "please": ["please", "pls", "plz", "please"], "you": ["you", "u"], "your": ["your", "ur"], "thanks": ["thanks", "thx", "thnx"],
    "because": ["because", "bcoz", "coz", "bcz"], "people": ["people", "ppl"], "message": ["message", "msg"], "number": ["number", "no.", "num"],
    "regarding": ["regarding", "regd", "reg"], "immediately": ["immediately", "asap", "immediately"], "before": ["before", "b4", "before"],
    "are": ["are", "are", "r"], "sir": ["sir", "sir", "sir ji"], "tomorrow": ["tomorrow", "tmrw"], "minutes": ["minutes", "mins"],
    "police": ["police", "police", "cops"], "station": ["station", "stn"], "complaint": ["complaint", "complain"],
}
DEVA_VAR = [("है", ["है", "है", "हे"]), ("नहीं", ["नहीं", "नही", "नहीं"]), ("कृपया", ["कृपया", "कृपया", "क्रपया", "कृप्या"]),
            ("में", ["में", "में", "मे"]), ("हैं", ["हैं", "है"]), ("पुलिस", ["पुलिस", "पुलिस", "पुलिश"])]

TOKEN_RE = re.compile(r"^([^\w@#]*)([A-Za-z']+)([^\w]*)$")


def protected(tok):
    return tok.startswith("@") or tok.startswith("#") or tok.startswith("http") or any(ch.isdigit() for ch in tok)


def vary_words(text, table, rng, p):
    out = []
    for tok in text.split(" "):
        if not protected(tok):
            m = TOKEN_RE.match(tok)
            if m and m.group(2).lower() in table and rng.random() < p:
                w = m.group(2)
                rep = rng.choice(table[w.lower()])
                if w[0].isupper():
                    rep = rep[0].upper() + rep[1:]
                if w.isupper() and len(w) > 1:
                    rep = rep.upper()
                tok = m.group(1) + rep + m.group(3)
        out.append(tok)
    return " ".join(out)


def vary_deva(text, rng, p):
    for word, opts in DEVA_VAR:
        if word in text and rng.random() < p:
            text = re.sub(r"(?<![\u0900-\u097F])" + word + r"(?![\u0900-\u097F])", lambda m: rng.choice(opts), text)
    if rng.random() < 0.3:
        text = text.replace("।", rng.choice(["", ".", " ।", "!!"]))
    return text


def typo(text, rng, count):
    toks = text.split(" ")
    idx = [i for i, t in enumerate(toks) if not protected(t) and re.fullmatch(r"[A-Za-z]{4,}[.,!?]*", t)]
    for _ in range(count):
        if not idx:
            break
        i = rng.choice(idx)
        w = toks[i]
        core = re.match(r"[A-Za-z]+", w).group(0)
        rest = w[len(core):]
        j = rng.randint(1, len(core) - 2)
        op = rng.random()
        if op < 0.35:
            core = core[:j] + core[j + 1:]
        elif op < 0.7:
            core = core[:j] + core[j + 1] + core[j] + core[j + 2:]
        else:
            core = core[:j] + core[j] + core[j:]
        toks[i] = core + rest
    return " ".join(toks)


# Code-mixing lexicon: Devanagari word -> Latin replacements.  Used to make a
# Devanagari-with-English-words version of a Devanagari line.
MIX_LEX = [
    ("पुलिस", ["police", "Police"]), ("मोबाइल", ["mobile"]), ("फोन", ["phone"]), ("बाइक", ["bike"]), ("स्कूटी", ["scooty"]),
    ("शिकायत", ["complaint"]), ("तुरंत", ["immediately", "turant", "asap"]), ("कृपया", ["please", "plz", "pls"]),
    ("मदद", ["help"]), ("एफआईआर", ["FIR"]), ("रिपोर्ट", ["report"]), ("कार्रवाई", ["action"]), ("कार्यवाही", ["action"]),
    ("सर", ["sir", "Sir"]), ("ऑनलाइन", ["online"]), ("बैंक", ["bank"]), ("ओटीपी", ["OTP"]), ("लिंक", ["link"]),
    ("कॉल", ["call"]), ("मैसेज", ["message", "msg"]), ("वीडियो", ["video"]), ("फोटो", ["photo", "pic"]), ("नंबर", ["number", "no."]),
    ("रोड", ["road"]), ("मार्केट", ["market"]), ("दुकान", ["shop", "dukan"]), ("ट्रैफिक", ["traffic"]), ("जाम", ["jam"]),
    ("सिग्नल", ["signal"]), ("ड्राइवर", ["driver"]), ("ट्रक", ["truck"]), ("कार", ["car"]), ("ट्रैक्टर", ["tractor"]),
    ("लाइट", ["light"]), ("कॉलोनी", ["colony"]), ("सोसाइटी", ["society"]), ("अर्जेंट", ["urgent", "URGENT"]),
    ("जल्दी", ["jaldi", "fast", "jldi"]), ("धन्यवाद", ["thanks", "thank you"]), ("शुक्रिया", ["thanks"]), ("टीम", ["team"]),
    ("स्टाफ", ["staff"]), ("गार्ड", ["guard"]), ("सीसीटीवी", ["CCTV"]), ("फुटेज", ["footage"]), ("पर्स", ["purse"]),
    ("चेन", ["chain"]), ("लैपटॉप", ["laptop"]), ("कैश", ["cash"]), ("डीजे", ["DJ"]), ("लाउडस्पीकर", ["loudspeaker"]),
    ("वेरिफिकेशन", ["verification"]), ("पासपोर्ट", ["passport"]), ("आधार", ["Aadhaar", "aadhar"]), ("स्टेटस", ["status"]),
    ("एप्लीकेशन", ["application"]), ("अकाउंट", ["account", "a/c"]), ("खाते", ["account"]), ("ऐप", ["app"]), ("यूपीआई", ["UPI"]),
    ("केवाईसी", ["KYC"]), ("फ्रॉड", ["fraud"]), ("प्लीज", ["please", "plz"]), ("ऑफिसर", ["officer"]), ("एसएचओ", ["SHO"]),
    ("एसपी", ["SP"]), ("इंस्पेक्टर", ["inspector"]), ("सिपाही", ["constable"]), ("एम्बुलेंस", ["ambulance"]),
    ("हॉस्पिटल", ["hospital"]), ("अस्पताल", ["hospital"]), ("स्कूल", ["school"]), ("कॉलेज", ["college"]), ("ऑफिस", ["office"]),
    ("गेट", ["gate"]), ("पार्किंग", ["parking"]), ("फ्लैट", ["flat"]), ("पार्क", ["park"]), ("बस", ["bus"]), ("ऑटो", ["auto"]),
    ("ट्रेन", ["train"]), ("स्टेशन", ["station"]), ("हेल्मेट", ["helmet"]), ("चालान", ["challan"]), ("डॉक्टर", ["doctor"]),
    ("बिजली", ["light", "electricity"]), ("पानी", ["water", "paani"]), ("कूड़ा", ["garbage", "kooda"]), ("लाइसेंस", ["licence"]),
    ("सर्टिफिकेट", ["certificate"]), ("प्रोफाइल", ["profile"]), ("इंस्टाग्राम", ["Instagram", "insta"]), ("फेसबुक", ["Facebook", "FB"]),
    ("व्हाट्सएप", ["WhatsApp", "whatsapp"]), ("ग्रुप", ["group"]), ("आईडी", ["ID"]), ("पासवर्ड", ["password"]), ("एटीएम", ["ATM"]),
    ("कार्ड", ["card"]), ("लोन", ["loan"]), ("कंपनी", ["company"]), ("रेंट", ["rent"]), ("किराएदार", ["tenant"]),
    ("गलत", ["wrong", "galat"]), ("मैडम", ["madam", "ma'am"]), ("रात", ["raat", "night"]), ("परेशान", ["pareshan", "disturb"]),
    ("पैसे", ["paise", "money"]), ("लड़की", ["ladki", "girl"]), ("लड़कियों", ["girls"]), ("लड़कों", ["boys", "ladko"]),
    ("बच्चे", ["bacche", "kids"]), ("पड़ोसी", ["neighbour", "padosi"]), ("चोरी", ["chori", "theft"]), ("गाड़ी", ["gaadi", "vehicle"]),
    ("मिस", ["miss"]), ("टाइम", ["time"]), ("प्रॉब्लम", ["problem"]), ("हेल्प", ["help"]), ("लोकेशन", ["location"]),
]
MIX_RE = [(re.compile(r"(?<![\u0900-\u097F])" + w + r"(?![\u0900-\u097F])"), reps) for w, reps in
          sorted(MIX_LEX, key=lambda x: -len(x[0]))]


def code_mix(text, rng):
    changed = [False]
    for rx, reps in MIX_RE:
        def sub(m):
            if rng.random() < 0.75:
                changed[0] = True
                return rng.choice(reps)
            return m.group(0)
        text = rx.sub(sub, text)
    return text, changed[0]


def script_of(text):
    body = re.sub(r"https?://\S+|[@#]\S+", " ", text)
    body = " ".join(t for t in body.split() if not any(ch.isdigit() for ch in t))
    deva = sum(1 for ch in body if "\u0900" <= ch <= "\u097f" and ch.isalpha())
    latn = sum(1 for ch in body if ("a" <= ch.lower() <= "z"))
    if deva and latn:
        return "mixed"
    if deva:
        return "deva"
    return "latn"


# Wrappers ------------------------------------------------------------------
OPEN = {
    "neutral": {
        "d": ["सर,", "सर जी,", "महोदय,", "आदरणीय महोदय,", "नमस्ते सर,", "सेवा में,", "निवेदन है कि", "श्रीमान जी,"],
        "h": ["Sir,", "sir ji", "Respected sir,", "Namaste sir,", "hello sir", "sir ek complaint h", "sir/madam", "Jai hind sir,"],
        "e": ["Sir,", "Respected Sir/Madam,", "Dear sir,", "Hello,", "Good evening sir,", "Sir, kindly look into this.",
              "To whom it may concern,", "Hi,"]},
    "desperate": {
        "d": ["सर प्लीज मदद कीजिए,", "बहुत परेशान हूं सर,", "सर हमारी कोई मदद करो,", "हाथ जोड़कर विनती है,"],
        "h": ["sir plz help", "bahut pareshan hu sir", "sir koi to madad karo", "please sir suniye", "haath jod ke request h"],
        "e": ["Please help me.", "Sir I'm desperate,", "Someone please help,", "Begging you,"]},
    "angry": {
        "d": ["हद हो गई है!", "ये क्या हो रहा है?", "बहुत हो गया अब!!", "शर्म की बात है,"],
        "h": ["Hadd ho gayi hai!!", "ye kya ho raha hai", "bas bahut hua", "sharam aani chahiye,", "kya mazak hai ye"],
        "e": ["This is ridiculous!", "Enough is enough.", "Unbelievable!!", "Shameful.", "What is going on??"]},
    "sarcastic": {
        "d": ["वाह रे कानून व्यवस्था 👏", "बढ़िया है,", "क्या बात है,"],
        "h": ["Wah kya kanoon vyavastha hai 👏", "waah waah,", "bahut badhiya,", "kamaal hai"],
        "e": ["Great law and order 👏🙄", "Wow, just wow.", "Amazing situation here,", "Brilliant."]},
    "urgent": {
        "d": ["अर्जेंट!!", "तुरंत ध्यान दें!", "🚨 जल्दी", "इमरजेंसी है"],
        "h": ["URGENT!!", "emergency hai sir", "jaldi dekho", "🚨🚨", "urgent hai"],
        "e": ["URGENT:", "EMERGENCY!!", "SOS", "🚨 urgent", "Urgent help needed."]},
}
CLOSE = {
    "complaint": {
        "d": ["कृपया मदद करें 🙏", "कृपया उचित कार्रवाई करें।", "जल्द कार्यवाही की कृपा करें।", "मदद कीजिए सर।", "धन्यवाद।",
              "आपकी अति कृपा होगी।", "कृपया संज्ञान लें।", "न्याय दिलाइए।", "कृपया देखिए।"],
        "h": ["plz help", "pls help sir", "kripya madad kare", "jaldi action lijiye", "plz take action asap", "help kijiye sir 🙏",
              "thanks in advance", "kuch kijiye sir", "sangyan lijiye", "jaldi dekhiye plz", "kripya sangyan le"],
        "e": ["Please help.", "Kindly take action.", "Pls do the needful.", "Requesting urgent help.", "Thanks in advance.",
              "Hoping for quick action.", "Kindly look into it.", "Please take cognizance.", "Please look into this asap."]},
    "urgent": {
        "d": ["जल्दी आइए!!", "तुरंत पुलिस भेजें!", "प्लीज जल्दी", "जल्दी कीजिए"],
        "h": ["jaldi aao plz", "turant bhejo", "ASAP plz", "jaldi karo sir"],
        "e": ["please hurry!!", "send help now", "ASAP please", "please rush"]},
    "info": {
        "d": ["कृपया मार्गदर्शन करें।", "कृपया बताएं।", "धन्यवाद।", "जानकारी दें।"],
        "h": ["plz guide", "kripya bataye", "thanks", "koi batayega?", "guide kijiye sir"],
        "e": ["Please guide.", "Kindly advise.", "Thanks.", "Any help appreciated.", "Please reply."]},
    "thanks": {
        "d": ["जय हिंद 🇮🇳", "धन्यवाद 🙏", "आपका आभार।", "बहुत बहुत धन्यवाद।"],
        "h": ["Jai Hind 🇮🇳", "proud of you", "keep it up 👍", "salute hai", "dil se shukriya"],
        "e": ["Jai Hind 🇮🇳", "Keep it up!", "Proud of you.", "Salute 🫡", "Great work.", "Much appreciated."]},
}
CONTEXT = {
    "d": ["हमारा घर {place} में है।", "संपर्क नंबर {phone} है।", "घर में बुजुर्ग माता-पिता हैं।", "पूरी जानकारी नीचे दे रहे हैं।",
          "हम यहां किराये पर रहते हैं।", "यह {date} की बात है।", "हम मेहनत मजदूरी करने वाले लोग हैं।"],
    "h": ["Hamara ghar {place} me hai.", "contact no {phone}", "ghar me buzurg maa baap hain", "details niche de rahe hain",
          "hum kiraye pe rehte hain", "ye {date} ki baat hai", "hum garib log hain sir", "ye mera dusra account hai"],
    "e": ["We live in {place}, {city}.", "Contact number {phone}.", "My elderly parents live with me.", "Details below.",
          "We are tenants here.", "This is regarding {date}.", "I am a working professional.", "Writing from my brother's account."],
}
LOCATION = {
    "d": ["पता: {place}, {city}", "लोकेशन - {place}, {city}", "स्थान: {place}, थाना {ps}", "{place} {city}", "थाना क्षेत्र {ps}, {city}"],
    "h": ["Address: {place}, {city}", "loc - {place} {city}", "thana {ps} area", "{place}, {city}", "location {place} near main road",
          "P.S. {ps}, {city}"],
    "e": ["Location: {place}, {city}", "Address - {place}, {city}", "Area: {place} (PS {ps})", "{place}, {city}", "PS {ps} limits"],
}
CONTACT = {"d": ["संपर्क: {phone}", "मो. {phone}", "मेरा नंबर {phone}"],
           "h": ["mob {phone}", "contact no {phone}", "call me {phone}", "mera no. {phone}"],
           "e": ["Contact: {phone}", "Ph: {phone}", "my number {phone}", "Mob- {phone}"]}
EMOJI = {
    "neutral": ["", "", "🙏"], "desperate": ["🙏", "🙏🙏", "😭", "😢", "🙏🏻", "😔"], "angry": ["😡", "🤬", "😠", "!!!", "😤"],
    "sarcastic": ["🙄", "👏👏", "😂", "🤡"], "urgent": ["🚨", "⚠️", "🆘", "🙏"],
    "thanks": ["👏", "🙏", "❤️", "🇮🇳", "💯", "🫡", "👍", "😊"], "spam": ["😂", "🔥", "💯", "🤣", "😎", "👉", "📢", "❤️"],
}
CAT_TAGS = {
    "emergency": ["#Urgent", "#SOS", "#Help"], "crime_against_women": ["#WomenSafety", "#MissionShakti", "#Help"],
    "cyber_fraud": ["#CyberFraud", "#CyberCrime", "#OnlineFraud"], "theft": ["#Theft", "#Chori"],
    "vehicle_theft": ["#BikeChori", "#StolenBike", "#Theft"], "assault": ["#Goondagardi", "#Justice"],
    "missing_person": ["#Missing", "#MissingChild", "#PleaseShare"], "domestic_violence": ["#Dowry", "#StopDomesticViolence", "#Justice"],
    "land_dispute": ["#LandMafia", "#Kabza", "#Justice"], "traffic": ["#TrafficJam", "#RoadSafety", "#Traffic"],
    "nuisance": ["#NoisePollution", "#Nuisance"], "police_conduct": ["#Corruption", "#NoFIR", "#Justice"],
    "information": ["#Query", "#Help"], "appreciation": ["#ThankYou", "#GoodWork", "#ProudOfPolice"],
    "spam": ["#Trending", "#Cricket", "#GoodMorning", "#IPL", "#FollowBack", "#viral"],
    "not_police": ["#Potholes", "#PowerCut", "#CivicIssues", "#Help"],
}
GENERIC_TAGS = ["#Help", "#Urgent", "#Justice", "#PleaseHelp", "#न्याय", "#मदद"]

LONG_CONTEXT = {
    "d": ["हम एक साधारण परिवार से हैं और इस घटना के बाद से घर में कोई ठीक से सो नहीं पाया है, बच्चे भी बहुत डरे हुए हैं और समझ नहीं आ रहा कि किससे मदद मांगें।",
          "हम यह पोस्ट बहुत उम्मीद के साथ लिख रहे हैं क्योंकि सुना है कि यहां शिकायत करने पर सुनवाई होती है, हमें बस इंसाफ और सुरक्षा चाहिए, और कुछ नहीं।",
          "घर में बुजुर्ग मां हैं जिनकी तबीयत इस सब से और खराब हो गई है, हमें रोज काम पर जाना पड़ता है और पीछे से घर की चिंता लगी रहती है।"],
    "h": ["hum ek normal family se hain sir, is ghatna ke baad se ghar me koi theek se so nahi paya, bacche bhi bahut dare hue hain aur samajh nahi aa raha kis se madad maange",
          "ye post bahut ummeed ke saath likh rahe hain kyunki suna hai yahan complaint karne pe sunwai hoti hai, hume bas insaaf aur suraksha chahiye aur kuch nahi",
          "ghar me buzurg maa hai jinki tabiyat is sab se aur kharab ho gayi hai, hume roz kaam pe jaana padta hai aur peeche se ghar ki chinta lagi rehti hai"],
    "e": ["We are an ordinary family and nobody at home has slept properly since this happened, the children are frightened and we honestly don't know whom else to turn to.",
          "I am writing this with a lot of hope because I have heard that complaints here actually get heard, all we want is justice and safety for our family, nothing more.",
          "My elderly mother lives with us and her health has got worse with all this stress, I have to go to work every day and keep worrying about my family back home."],
}
LONG_THANKS = {
    "d": ["आज के समय में लोग पुलिस के बारे में बहुत कुछ गलत कहते हैं, लेकिन आपकी टीम ने साबित कर दिया कि वर्दी में आज भी इंसानियत और ईमानदारी जिंदा है, पूरे परिवार की तरफ से आभार।"],
    "h": ["aaj kal log police ke baare me bahut kuch galat bolte hain lekin aapki team ne saabit kar diya ki vardi me aaj bhi insaniyat aur imaandari zinda hai, poori family ki taraf se aabhar"],
    "e": ["People often say negative things about the police, but your team proved that there is still humanity and honesty in uniform, and my entire family wanted me to say thank you publicly."],
}
MIX_FALLBACK = {
    "complaint": ["please help", "plz sir", "sir please", "asap", "pls", "help plz"],
    "info": ["please", "plz guide", "sir pls batao", "any idea?"],
    "thanks": ["thank you", "thanks a lot", "great work", "salute sir"],
    "spam": ["lol", "bro", "😂 follow me", "RT pls", "guys"],
}


def join_parts(rng, parts, wscript):
    out = parts[0]
    for p in parts[1:]:
        if out and out[-1] in ".!?।,:;-" or rng.random() < 0.45:
            out = out + " " + p
        else:
            sep = pick(rng, [". ", ", ", " - ", "। "] if wscript == "d" else [". ", ", ", " - ", ".. "])
            out = out + sep + p
    return out


GROUP = {c: "complaint" for c in CATEGORIES}
GROUP["information"] = "info"
GROUP["appreciation"] = "thanks"
GROUP["spam"] = "spam"
# tone weights: neutral, desperate, angry, sarcastic, urgent
TONES = {
    "emergency": [2, 3, 1, 0, 5], "crime_against_women": [4, 3, 3, 1, 1], "cyber_fraud": [4, 4, 2, 0, 1],
    "theft": [4, 2, 3, 2, 1], "vehicle_theft": [4, 3, 2, 1, 1], "assault": [4, 3, 3, 1, 1], "missing_person": [3, 5, 0, 0, 2],
    "domestic_violence": [4, 5, 1, 0, 1], "land_dispute": [5, 3, 3, 1, 0], "traffic": [4, 1, 4, 3, 0],
    "nuisance": [4, 2, 4, 2, 0], "police_conduct": [3, 2, 5, 3, 0], "not_police": [4, 1, 4, 3, 0],
}
TONE_NAMES = ["neutral", "desperate", "angry", "sarcastic", "urgent"]


def pick(rng, lst):
    return rng.choice(lst)


def build_example(rng, cat, sit, variant, split):
    """Return (text, script, district or None) or None if the variant is unavailable."""
    group = GROUP[cat]
    # --- template --------------------------------------------------------
    if variant == "m":
        if sit.get("m"):
            tpl = pick(rng, sit["m"])
            base = "d"
        elif sit.get("d"):
            tpl, changed = code_mix(pick(rng, sit["d"]), rng)
            base = "d"
            if not changed:
                tpl = tpl + " " + pick(rng, MIX_FALLBACK[GROUP[cat]])
        else:
            return None
    elif variant == "x":
        if not sit.get("x"):
            return None
        tpl = pick(rng, sit["x"])
        base = "d" if re.search(r"[\u0900-\u097F]", tpl) else "h"
    else:
        if not sit.get(variant):
            return None
        tpl = pick(rng, sit[variant])
        base = variant
    # --- place -----------------------------------------------------------
    pool = PLACE_POOL[split]
    place = pick(rng, pool)
    if place["state"] == "KA" and base == "d" and rng.random() < 0.8:
        place = pick(rng, [p for p in pool if p["state"] != "KA"])
    if place["state"] != "KA" and base == "e" and rng.random() < 0.12:
        place = pick(rng, [p for p in pool if p["state"] == "KA"])
    slot_script = base
    if variant == "m" and rng.random() < 0.5:
        slot_script = "h"
    ctx = Ctx(rng, place, slot_script)
    body = render(tpl, ctx)
    wscript = "d" if base == "d" else ("e" if base == "e" else "h")
    wctx = Ctx(rng, place, wscript)
    wctx.cache = {k: v for k, v in ctx.cache.items() if k not in ("place", "ps", "city")} if slot_script != wscript else ctx.cache
    # --- tone and wrappers -------------------------------------------------
    short = variant == "x"
    parts_pre, parts_post = [], []
    if group == "complaint":
        tone = rng.choices(TONE_NAMES, weights=TONES[cat])[0]
        if not short and rng.random() < 0.38:
            parts_pre.append(pick(rng, OPEN[tone][wscript]))
        elif not short and rng.random() < 0.12:
            parts_pre.append(pick(rng, OPEN["neutral"][wscript]))
        long_mode = not short and rng.random() < 0.1
        if long_mode:
            if not parts_pre:
                parts_pre.append(pick(rng, OPEN[tone][wscript]))
            parts_post.append(render(pick(rng, LONG_CONTEXT[wscript]), wctx))
        if not short and rng.random() < (0.6 if long_mode else 0.14):
            parts_post.append(render(pick(rng, CONTEXT[wscript]), wctx))
        if not short and not ctx.named_place and rng.random() < 0.3:
            parts_post.append(render(pick(rng, LOCATION[wscript]), wctx))
        if not short and rng.random() < 0.12:
            parts_post.append(render(pick(rng, CONTACT[wscript]), wctx))
        if rng.random() < (0.2 if short else 0.5):
            key = "urgent" if (tone == "urgent" and rng.random() < 0.6) else "complaint"
            parts_post.append(pick(rng, CLOSE[key][wscript]))
        emo = EMOJI[tone]
    elif group == "info":
        tone = "neutral"
        if not short and rng.random() < 0.35:
            parts_pre.append(pick(rng, ["सर एक जानकारी चाहिए,", "नमस्ते,", "महोदय,"] if wscript == "d" else
                                  ["sir ek jankari chahiye", "hello", "sir ek sawal hai", "namaste sir", "Sir,"] if wscript == "h" else
                                  ["Hi,", "Hello sir,", "Quick query:", "Sir, need some information.", "Dear sir,"]))
        if not short and not ctx.named_place and rng.random() < 0.15:
            parts_post.append(render(pick(rng, LOCATION[wscript]), wctx))
        if not short and rng.random() < 0.08:
            parts_post.append(render(pick(rng, CONTACT[wscript]), wctx))
        if rng.random() < 0.45:
            parts_post.append(pick(rng, CLOSE["info"][wscript]))
        emo = EMOJI["neutral"]
    elif group == "thanks":
        tone = "thanks"
        if not short and rng.random() < 0.2:
            parts_pre.append(pick(rng, ["सर,", "आदरणीय सर,"] if wscript == "d" else ["Sir,", "Dil se", "sir ji"] if wscript == "h"
                                  else ["Just wanted to say,", "Sir,", "Hi team,"]))
        if not short and rng.random() < 0.12:
            parts_post.append(render(pick(rng, LONG_THANKS[wscript]), wctx))
        if rng.random() < 0.45:
            parts_post.append(pick(rng, CLOSE["thanks"][wscript]))
        emo = EMOJI["thanks"]
    else:  # spam
        tone = "spam"
        emo = EMOJI["spam"]
    text = join_parts(rng, parts_pre + [body] + parts_post, wscript)
    # --- language-level noise ---------------------------------------------
    if base == "d" and variant != "m":
        text = vary_deva(text, rng, 0.25)
        if rng.random() < 0.04:
            text = text.translate(DEVA_DIGITS)
    elif variant == "m":
        text = vary_deva(text, rng, 0.25)
        text = vary_words(text, HINGLISH_VAR, rng, 0.2)
    elif base == "h":
        text = vary_words(text, HINGLISH_VAR, rng, rng.choice([0.15, 0.3, 0.45]))
    else:
        text = vary_words(text, ENGLISH_VAR, rng, rng.choice([0.1, 0.25, 0.4]))
    if base != "d":
        r = rng.random()
        if r < 0.25:
            text = typo(text, rng, 1)
        elif r < 0.33:
            text = typo(text, rng, 2)
        r = rng.random()
        if r < 0.05:
            text = text.upper()
        elif r < 0.25 and base == "h":
            text = text.lower()
        elif r < 0.32:
            words = text.split(" ")
            i = rng.randrange(len(words))
            k = rng.randint(1, 3)
            words[i:i + k] = [w.upper() if not protected(w) else w for w in words[i:i + k]]
            text = " ".join(words)
    if rng.random() < 0.12:
        text = re.sub(r"[.!?]?$", pick(rng, ["!!", "!!!", "...", "??", " !!"]), text, count=1)
    # --- emoji, handles, tags, links -------------------------------------
    if rng.random() < 0.4:
        e = pick(rng, emo)
        if e:
            text = text + " " + e if rng.random() < 0.8 else e + " " + text
    st = place["state"]
    if rng.random() < 0.82:
        pool_h = place["handles"] * 2 + STATE_HANDLES[st]
        if rng.random() < 0.05:
            pool_h = pool_h + ["@DelhiPolice"]
        k = rng.choices([1, 2, 3], weights=[5, 3, 1])[0]
        hs = []
        for _ in range(k):
            h = pick(rng, pool_h)
            if h not in hs:
                hs.append(h)
        if EXTRA_HANDLES[st] and rng.random() < 0.1:
            hs.append(pick(rng, EXTRA_HANDLES[st]))
        if rng.random() < 0.75:
            text = " ".join(hs) + " " + text
        else:
            text = text + " " + " ".join(hs)
    if rng.random() < 0.25:
        tags = []
        r = rng.random()
        if r < 0.35:
            tags.append(pick(rng, STATE_TAGS[st]))
        elif r < 0.55 and ctx.named_place:
            tags.append("#" + pick(rng, place["city_l"]).replace(" ", ""))
        elif r < 0.75:
            tags.append(pick(rng, CAT_TAGS[cat]))
        else:
            tags.append(pick(rng, GENERIC_TAGS if group == "complaint" else CAT_TAGS[cat]))
        if rng.random() < 0.3:
            tags.append(pick(rng, STATE_TAGS[st]))
        text = text + " " + " ".join(dict.fromkeys(tags))
    if rng.random() < 0.15:
        link = "https://t.co/" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                          for _ in range(10))
        text = text + " " + link
    text = re.sub(r"\s+", " ", text).strip()
    district = place["lgd"] if ctx.named_place or wctx.named_place else None
    return text, script_of(text), district


# --------------------------------------------------------------------------
# Material
# --------------------------------------------------------------------------
DATA = {}


def parse_block(block):
    sits = []
    for chunk in re.split(r"\n\s*\n", block.strip()):
        s = defaultdict(list)
        for line in chunk.strip().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            k, sep, v = line.partition("|")
            if not sep or k.strip() not in ("d", "h", "e", "m", "x"):
                raise ValueError("bad line: " + line)
            s[k.strip()].append(v.strip())
        if s:
            sits.append(dict(s))
    return sits

# ==========================================================================
# emergency (P1): threat to life, crime in progress, serious accident now
# ==========================================================================
DATA["emergency"] = dict(train=r"""
d|{place} में मेरे घर के बाहर {n} लोग लाठी-डंडे लेकर खड़े हैं और दरवाजा तोड़ रहे हैं, अंदर बच्चे हैं, तुरंत पुलिस भेजिए
h|ghar ke bahar {n} log lathi dande leke khade hai darwaza tod rahe hai, andar bacche hai, {place} {city} turant police bhejo
e|{n} men with sticks are trying to break down our door right now, kids inside. {place}, {city}. Send police immediately
x|darwaza tod rahe hain log abhi, {place} jaldi aao

d|{place} चौराहे पर एक आदमी को कुछ लोग बुरी तरह पीट रहे हैं, वो बेहोश हो रहा है, जल्दी गाड़ी भेजो
h|{place} chauraha pe ek aadmi ko 5-6 log buri tarah peet rahe h, wo behosh ho raha hai, jaldi PRV bhejo
e|a man is being beaten by a mob at {place} crossing right now, he is losing consciousness. please send PRV fast
x|{place} me ek aadmi ko maar rahe hai abhi, jaldi

d|{place} की गली नंबर {n} में एक मकान में आग लग गई है, अंदर लोग फंसे हैं, फायर ब्रिगेड और पुलिस तुरंत भेजें
h|{place} gali no {n} me ek ghar me aag lagi hai log andar fase hai fire brigade bhejo jaldi
e|house on fire in lane {n}, {place} {city}. people trapped inside!! need fire brigade and police now
x|AAG LAGI HAI {place} me, log fase hain

d|अभी {place} में बाइक सवार बदमाश गोलियां चला रहे हैं, लोग भाग रहे हैं, तुरंत फोर्स भेजिए
h|abhi {place} me bike sawar badmash goliyan chala rahe hai, log bhag rahe hai, force bhejo turant
e|shots being fired right now near {place} market by men on bikes, people running for cover. need police now
m|अभी {place} market में firing हो रही है, लोग भाग रहे हैं, force भेजो please

d|{place} में अभी एक लड़की को सफेद स्कॉर्पियो में जबरदस्ती खींच कर ले गए, गाड़ी थाना {ps} की तरफ गई है, नंबर {veh}
h|abhi abhi {place} se ek ladki ko safed scorpio me zabardasti kheench ke le gaye, gaadi no {veh}, {ps} ki taraf gayi hai
e|a girl was just dragged into a white Scorpio at {place}, number {veh}, heading towards {ps}. kidnapping happening NOW

d|{place} हाईवे पर अभी ट्रक और ऑटो की टक्कर हुई है, {n} लोग खून से लथपथ पड़े हैं, एम्बुलेंस और पुलिस भेजो
h|{place} highway pe abhi truck aur auto ki takkar hui hai {n} log khoon me lathpath pade h ambulance bhejo jaldi
e|major accident just now on the highway near {place}, truck hit an auto, {n} people bleeding on the road. send ambulance + police

d|मेरा पति नशे में चाकू लेकर मुझे मारने को दौड़ रहा है, मैं बाथरूम में बंद हूं, {place} {city}, जल्दी आइए
h|mera pati nashe me chaku leke mujhe maarne ko daud raha hai, main bathroom me band hu, {place}, jaldi aaiye please
e|my husband is drunk and chasing me with a knife, I have locked myself in the bathroom. {place}, {city}. please come fast

d|{place} में भीड़ एक लड़के को चोर समझकर खंभे से बांधकर पीट रही है, उसकी जान जा सकती है
h|{place} me bheed ek ladke ko chor samajh ke khambe se baandh ke peet rahi hai, uski jaan ja sakti hai, jaldi
e|mob has tied a boy to a pole at {place} and is beating him on suspicion of theft. he might die. urgent

d|{place} पुल पर एक लड़का रेलिंग पर चढ़कर कूदने की कोशिश कर रहा है, जल्दी किसी को भेजिए
h|{place} pul pe ek ladka railing pe chadh ke koodne ki koshish kar raha hai, koi jaldi bhejo
e|a young man is standing on the railing of the {place} bridge threatening to jump. please send someone now

d|हमारे घर में अभी {n} नकाबपोश बदमाश घुस आए हैं, हम छत पर छिपे हैं, {place} {city}, जल्दी पहुंचो
h|ghar me abhi {n} nakabposh badmash ghuse hai, hum chhat pe chhupe hai, {place} {city}, jaldi pahucho
e|{n} masked men have entered our house right now, we are hiding on the terrace. {place}, {city}. hurry
x|ghar me daku ghuse hain abhi!! {place}

d|{place} में सिलेंडर फटा है, दो घरों की दीवार गिर गई है, लोग मलबे में दबे हैं
h|{place} me cylinder blast hua hai, 2 gharon ki deewar gir gayi, log dabe hue hai, turant help bhejo
e|cylinder blast in {place}, walls of two houses collapsed, people trapped under debris. send help now

d|पड़ोस में बेटा अपने बूढ़े बाप पर कुल्हाड़ी से हमला कर रहा है, चीखें आ रही हैं, {place}
h|padosi ka beta apne budhe baap pe kulhadi se hamla kar raha hai abhi, cheekhe aa rahi hai, {place} {city}
e|neighbour's son is attacking his old father with an axe right now, we can hear screams. {place}

d|मैं कैब में हूं, ड्राइवर ने रास्ता बदल दिया है और दरवाजे लॉक कर दिए हैं, गाड़ी नंबर {veh}, अभी {place} के पास हूं, डर लग रहा है
h|main cab me hu driver ne rasta badal diya aur door lock kar diye, gaadi {veh}, abhi {place} ke paas hu, please help
e|I'm in a cab, the driver changed the route and locked the doors, car {veh}, currently near {place}. scared. please track
m|cab driver ने route change कर दिया और doors lock हैं, गाड़ी {veh}, {place} के पास, please help

d|{place} में दो गुटों में पथराव हो रहा है, दुकानें बंद हो गईं, हालात बिगड़ रहे हैं, फोर्स भेजो
h|{place} me do guton me pathrav ho raha hai abhi, dukane band, halat bigad rahe, force bhejo
e|stone pelting between two groups at {place} right now, shops shutting, situation getting out of hand
x|{place} me pathrav chalu hai

d|{place} के पास खेत में {cage} साल का बच्चा खुले बोरवेल में गिर गया है, तुरंत मदद चाहिए
h|{place} ke paas khet me {cage} saal ka baccha borewell me gir gaya hai, turant madad chahiye
e|{cage} year old child has fallen into an open borewell in a field near {place}. need rescue immediately

d|{place} घाट पर नहाते हुए दो लड़के डूब रहे हैं, गोताखोर भेजो जल्दी
h|{place} ghat pe 2 ladke nahate hue doob rahe hai, gotakhor bhejo jaldi
e|two boys drowning at the ghat near {place} right now, please send divers
x|2 ladke doob rahe hain {place} ghat

d|अभी फोन आया कि आज रात तक {amt} नहीं दिए तो बेटे को गोली मार देंगे, वही लोग घर के बाहर घूम रहे हैं, {place}
h|abhi call aaya ki raat tak {amt} nahi diye to bete ko goli maar denge, wo log ghar ke bahar ghoom rahe hai {place}
e|got a call just now: pay {amt} by tonight or they will shoot my son. the same men are circling outside our house in {place}

d|बगल वाले फ्लैट से औरत के चीखने की आवाज आ रही है, कोई उसे मार रहा है, दरवाजा नहीं खोल रहे, {place} {city}
h|bagal wale flat se aurat ki cheekhne ki awaz aa rahi hai koi use maar raha hai, darwaza nahi khol rahe {place}
e|loud screams of a woman from the next flat, sounds like someone is hitting her badly, nobody opening the door. {place}, {city}

d|{place} में अभी एक कार ने स्कूटी वाले को टक्कर मारी और भाग गई, आदमी सड़क पर पड़ा है, खून बह रहा है, कार नंबर {veh}
h|abhi {place} me car ne scooty wale ko uda diya aur bhaag gayi, banda road pe pada hai khoon beh raha, car {veh}
e|hit and run right now at {place}, a car {veh} knocked down a scooty rider, he is lying on the road bleeding

d|{place} में एक आदमी ने तमंचा लेकर बच्चों को कमरे में बंद कर रखा है, गोली मारने की धमकी दे रहा है
h|ek aadmi ne tamancha leke bacchon ko kamre me band kar rakha hai, dhamki de raha hai, {place} {city}, jaldi aao
e|a man with a country-made pistol has locked children in a room and is threatening to shoot. {place}. urgent!!

d|{place} में बुजुर्ग दंपत्ति पर लुटेरों ने हमला किया है, दादी के सिर से खून बह रहा है, बदमाश अभी गली में ही हैं
h|buzurg dampati pe luteron ne abhi hamla kiya, dadi ke sar se khoon beh raha hai, badmash abhi gali me hi hai, {place}
e|robbers just attacked an elderly couple in {place}, the lady is bleeding from the head, attackers still in the lane

d|{place} बाजार में अभी एक लड़की पर किसी ने तेजाब फेंका है, वो तड़प रही है, एम्बुलेंस भेजिए
h|{place} market me abhi ek ladki pe kisi ne tezaab phenka hai, wo tadap rahi hai, ambulance aur police bhejo
e|someone just threw acid on a girl in {place} market. she is screaming in pain. ambulance and police needed NOW

d|{place} के पास चलती बस में आग लग गई है, सवारियां अंदर हैं
h|{place} ke paas chalti bus me aag lag gayi, sawari andar hai, fire brigade bhejo
e|a bus has caught fire near {place}, passengers still inside. please rush
x|bus me aag {place} 🔥🔥 jaldi

d|शादी में झगड़ा हो गया है, लोग तलवारें निकाल लाए हैं, {n} लोग घायल हैं, {place}, अभी पुलिस चाहिए
h|shaadi me jhagda ho gaya, log talwaar nikal laye, {n} log ghayal hai, {place} me abhi police chahiye
e|fight broke out at a wedding in {place}, men pulled out swords, {n} injured already. need police now

d|मैं अकेली पैदल जा रही हूं और एक आदमी चाकू लेकर मेरा पीछा कर रहा है, {place} के पास सुनसान रोड है
h|main akeli ja rahi hu ek aadmi chaku leke peecha kar raha hai, {place} ke paas sunsaan road hai, jaldi help
e|a man with a knife is following me on a dark road near {place}, I'm alone. please send someone now

d|{place} में निर्माणाधीन इमारत गिर गई है, कई मजदूर मलबे में दबे हैं
h|{place} me under construction building gir gayi, mazdoor malbe me dabe hai
e|under-construction building collapsed in {place}, labourers trapped under the debris

d|एक नशे में धुत ट्रक ड्राइवर {place} में लोगों को कुचलता हुआ भाग रहा है, ट्रक {veh}, आगे रोको
h|ek nashe me dhut truck driver {place} me logo ko kuchalta hua bhaag raha hai, truck no {veh}, aage roko
e|drunk truck driver ramming vehicles and people at {place}, truck {veh}, still driving towards the highway. stop him

d|{place} मॉल की पार्किंग में एक छोटा बच्चा कार में बंद है, गर्मी से बेहोश हो रहा है, गाड़ी {veh}
h|{place} mall parking me ek chhota baccha car me lock hai, behosh ho raha hai garmi se, gaadi {veh}
e|small kid locked inside a parked car at {place} mall parking, looks unconscious from the heat, car {veh}

d|खेत पर कब्जे को लेकर अभी दोनों पक्षों में फायरिंग हो रही है, {place} गांव, एक आदमी को गोली लगी है
h|khet ke kabze ko leke abhi dono paksh me firing chal rahi hai {place} gaon me, ek aadmi ko goli lagi hai
e|firing going on right now over a land dispute in {place} village, one man already hit. send force

d|स्टेशन के पास एक वैन में कुछ नाबालिग लड़कियों को ले जाया जा रहा है, वो रो रही थीं, {place}, गाड़ी {veh}
h|station ke paas ek van me kuch nabalig ladkiyon ko le ja rahe hai, wo ro rahi thi, {place}, van no {veh}
e|saw some minor girls being pushed into a van near the station at {place}, they were crying. van {veh}. please intercept

d|मुझ पर {n} लोगों ने रॉड से हमला किया है, सिर फट गया है, वो लोग अभी भी बाहर खड़े हैं, {place}
h|mujh pe {n} logo ne rod se hamla kiya hai sar phat gaya, wo abhi bhi bahar khade hai, {place}, bachao
e|{n} guys attacked me with iron rods, my head is bleeding and they are still standing outside. {place}. help

d|मेरी बहन का फोन आया कि ससुराल वाले उस पर मिट्टी का तेल डाल रहे हैं, {place} {city}, तुरंत पहुंचिए
h|behen ka call aaya sasural wale us pe mitti ka tel daal rahe hai, {place} {city}, turant pahuchiye please
e|my sister just called crying that her in-laws are pouring kerosene on her. {place}, {city}. please reach now

d|{place} बाजार में एक लावारिस बैग पड़ा है जिसमें से तार निकल रहे हैं, भीड़ बहुत है
h|{place} market me ek lawaris bag pada hai usme se taar nikal rahe hai, bheed bahut hai, bomb squad bhejo
e|unattended bag with wires sticking out lying in crowded {place} market. please send bomb squad

d|{place} में झगड़े में एक लड़के को चाकू मार दिया, बहुत खून बह रहा है, हमलावर अभी भाग रहे हैं
h|{place} me jhagde me ek ladke ko chaku maar diya, bahut khoon, hamlavar bhag rahe hai abhi
e|a boy has been stabbed in a fight at {place}, bleeding heavily, attackers running away right now
x|chaku maar diya ladke ko, {place} 🚨

d|{place} के पास नदी में नाव पलट गई है, {n} लोग पानी में हैं
h|{place} ke paas naav palat gayi, {n} log paani me hai, jaldi rescue team bhejo
e|boat capsized near {place}, around {n} people in the water. send rescue immediately

d|मेरी दुकान पर अभी {n} हथियारबंद बदमाश आए हैं, कैश लूट रहे हैं, {place} मार्केट, जल्दी
h|dukaan pe abhi {n} hathiyarband badmash aaye hai cash loot rahe hai {place} market jaldi aao
e|armed robbery in progress at my shop in {place} market, {n} men with pistols. HURRY
x|dukan pe loot ho rahi abhi {place}!!

d|{place} की फैक्ट्री में गैस रिसाव हुआ है, मजदूर बेहोश हो रहे हैं
h|{place} factory me gas leak hua hai, mazdoor behosh ho rahe hai, ambulance bhejo
e|gas leak at a factory in {place}, workers fainting. need ambulance and police to cordon off

d|पड़ोसी बंदूक लेकर गेट पर खड़ा है और कह रहा है आज जान से मार दूंगा, हम अंदर डरे बैठे हैं, {place}
h|padosi bandook leke gate pe khada hai bol raha hai aaj jaan se maar dunga, hum andar dare baithe hai {place}
e|neighbour standing at our gate with a gun right now shouting he will kill us today. we're inside, terrified. {place}

d|अभी स्कूल के गेट से मेरे {cage} साल के बेटे को बाइक सवार उठा ले गए, {place}, सब तरफ नाकाबंदी करो
h|abhi school gate se mere {cage} saal ke bete ko bike wale utha ke le gaye, {place}, naakabandi karwao turant
e|two men on a bike just snatched my {cage} yr old son outside his school at {place}. please set up checkpoints NOW

d|एक गाड़ी वाला पिस्टल लहराते हुए हमारी कार का पीछा कर रहा है, अभी {place} के पास हैं, उसकी गाड़ी {veh}
h|ek gaadi wala pistol lehrate hue hamari car ka peecha kar raha hai, abhi {place} ke paas, uski gaadi {veh}
e|a guy waving a pistol is chasing our car, we're near {place} now, his vehicle {veh}. what do we do??

d|गर्ल्स हॉस्टल में {n} शराबी लड़के दीवार फांदकर घुस आए हैं, लड़कियां कमरों में बंद हैं, {place}
h|girls hostel me {n} sharabi ladke deewar kood ke ghus aaye hai, ladkiyan kamro me band hai, {place} {city}, jaldi
e|{n} drunk men have jumped the wall into our girls hostel in {place}, we've locked our rooms. please come quickly
""", heldout=r"""
d|रेलवे प्लेटफॉर्म पर एक आदमी हंसिया लेकर लोगों पर हमला कर रहा है, दो लोग घायल हैं, {place}
h|platform pe ek aadmi hansiya leke logo pe hamla kar raha hai, 2 log ghayal, {place} station
e|a man with a sickle is attacking passengers on the platform at {place} station right now

d|{place} के पास एक कार खाई में गिर गई है, अंदर से लोगों की आवाजें आ रही हैं
h|{place} ke paas ek car khaai me gir gayi, andar se awaze aa rahi hai, rescue bhejo
e|a car just fell into the gorge near {place}, we can hear people inside calling for help

d|लुटेरों ने हमें बांध दिया है और अलमारी तोड़ रहे हैं, मैंने छुपकर मैसेज किया है, {place}
h|luteron ne hume baandh diya hai aur almari tod rahe hai, chupke se msg kar raha hu, {place} {city}
e|dacoits have tied us up and are breaking the cupboards, texting secretly. {place}, {city}. come fast

d|{place} में श्रद्धालुओं से भरी ट्रैक्टर-ट्रॉली पलट गई, कई लोग नीचे दबे हैं
h|shraddhaluon se bhari tractor trolley palat gayi {place} me, kai log neeche dabe hai
e|tractor trolley full of pilgrims overturned at {place}, several people trapped under it

d|{place} में भीड़ ने दरोगा जी को घेर लिया है और पत्थर मार रहे हैं, अतिरिक्त फोर्स भेजिए
h|{place} me bheed ne daroga ji ko gher liya hai pathar maar rahe hai, extra force bhejo
e|a mob has surrounded a sub-inspector at {place} and is pelting stones. send additional force

d|{place} में एक आदमी खुद पर पेट्रोल डालकर आग लगाने की धमकी दे रहा है
h|{place} me ek aadmi khud pe petrol daal ke aag lagane ki dhamki de raha hai, jaldi
e|a man has poured petrol on himself at {place} and is threatening to set himself on fire

d|अस्पताल के वार्ड से एक औरत नवजात बच्चे को उठाकर भाग रही है, {place}, गेट बंद करवाओ
h|hospital ward se ek aurat newborn baccha utha ke bhaag rahi hai, {place}, gate band karwao
e|a woman just ran off with a newborn from the hospital ward at {place}. block the exits!

d|मेरे भाई को अभी खेत पर गोली मारी गई है, पैर से खून बह रहा है, {place}
h|mere bhai ko abhi khet pe goli maar di, pair se khoon beh raha hai, {place}, ambulance bhejo
e|my brother was just shot in the leg at our farm in {place}, losing blood. ambulance please

d|बाढ़ का पानी घर में घुस गया है, हम {n} लोग छत पर फंसे हैं, पानी बढ़ रहा है, {place}
h|baadh ka paani ghar me, hum {n} log chhat pe fase hai paani badh raha hai, {place}
e|flood water rising, {n} of us stranded on the roof at {place}. please send a boat

d|गांव में {n} लोग कट्टे लेकर घुसे हैं और घरों के दरवाजे पीट रहे हैं, {place}
h|gaon me {n} log katta leke ghuse hai gharo ke darwaze peet rahe, {place}, jaldi
e|{n} men with country-made guns have entered our village in {place} and are banging on doors

d|{place} के मंदिर में भगदड़ मच गई है, लोग एक दूसरे पर गिर रहे हैं
h|{place} mandir me bhagdad mach gayi, log gir rahe hai, police aur ambulance bhejo
e|stampede at the temple in {place}, people falling over each other. need help fast
x|bhagdad mach gayi {place} mandir

d|ट्रेन के डिब्बे में कुछ लोग ब्लेड से यात्रियों को धमका रहे हैं, एक को काट दिया, ट्रेन अभी {place} पहुंचने वाली है
h|train ke dibbe me kuch log blade se yatriyon ko dhamka rahe hai, ek ko kaat diya, train {place} pahuchne wali hai
e|men with blades threatening passengers in our coach, one passenger cut. train about to reach {place}. please board police

d|मेरी बेटी का मैसेज आया है कि किसी ने उसे पीजी के कमरे में बंद कर दिया है और धमका रहा है, {place}
h|beti ka msg aaya hai kisi ne use PG ke kamre me band kar diya aur dhamka raha hai, {place}, plz jaldi
e|my daughter just texted that a man has locked her in her PG room and is threatening her. {place}. please go now
""")

# ==========================================================================
# crime_against_women (P2): harassment by strangers/others, stalking,
# molestation, eve-teasing, obscene calls, acid threats
# ==========================================================================
DATA["crime_against_women"] = dict(train=r"""
d|{place} में कोचिंग से लौटते समय रोज कुछ लड़के मेरा पीछा करते हैं और गंदे कमेंट करते हैं
h|coaching se aate time roz {place} me kuch ladke peecha karte hai aur gande comment karte hai, ghar walo ko batane me darr lagta hai
e|some boys follow me every day on my way back from coaching in {place} and pass dirty comments
x|ladke roz peecha karte hain {place}

d|एक अनजान नंबर {phone} से रात को अश्लील कॉल और मैसेज आ रहे हैं, ब्लॉक करने पर नए नंबर से करता है
h|ek unknown number {phone} se raat ko ganday calls aur msgs aa rahe hai, block karo to naye number se karta hai
e|I keep getting obscene calls and messages at night from {phone}, he switches numbers when I block him
x|obscene calls from {phone} daily, please help

d|मोहल्ले का एक लड़का मेरी बहन को रोज छत से इशारे करता है और धमकी देता है कि बात नहीं की तो उठा लेगा
h|mohalle ka ek ladka meri behen ko roz chhat se ishare karta hai aur dhamki deta hai ki baat nahi ki to utha lega, {place}
e|a boy in our lane makes signs at my sister from his terrace every day and threatens to pick her up if she doesn't talk to him

d|ऑफिस का मेरा सीनियर मुझसे गलत तरीके से बात करता है और रात को होटल चलने का दबाव बनाता है
h|office ka senior galat tarike se baat karta hai, raat ko hotel chalne ka pressure banata hai, mana karo to job se nikalne ki dhamki
e|my senior at office keeps making sexual remarks and pressuring me to go to a hotel with him, threatens my job when I refuse

d|बस में एक आदमी ने मुझे गलत तरीके से छुआ, विरोध करने पर उतरकर भाग गया, बस {place} से चली थी
h|bus me ek aadmi ne mujhe galat tarike se chhua, virodh kiya to utar ke bhaag gaya, bus {place} se chali thi, {time}
e|a man groped me in a city bus near {place} {time} and jumped off when I shouted. bus number {veh}

d|{place} कॉलेज के बाहर बाइक पर कुछ लड़के लड़कियों को छेड़ते हैं, दुपट्टा खींचते हैं
h|{place} college ke bahar bike pe ladke ladkiyon ko chhedte hai, dupatta kheenchte hai, roz ka kaam hai inka
e|boys on bikes outside the college at {place} tease girls, pull their dupattas and speed off. happens daily
x|college ke bahar ladkiyon ko chhedte hain
m|{place} college के बाहर bike वाले लड़के girls को छेड़ते हैं, dupatta खींचते हैं

d|एक लड़का मेरी फोटो एडिट करके गलत तरीके से इंस्टाग्राम पर डालने की धमकी दे रहा है, शादी का दबाव बना रहा है
h|ek ladka meri photo edit karke galat tarike se insta pe daalne ki dhamki de raha hai, shaadi ke liye pressure bana raha hai
e|a guy is threatening to post morphed photos of me on Instagram unless I agree to marry him
x|morphed photos ki dhamki de raha hai ek ladka

d|पड़ोस का एक अधेड़ आदमी मेरी {cage} साल की बेटी को टॉफी का लालच देकर बुलाता है, गलत हरकत की कोशिश की
h|padosi ek adhed aadmi meri {cage} saal ki beti ko toffee ka lalach de ke bulata hai, galat harkat ki koshish ki, {place}
e|a middle-aged neighbour lures my {cage} year old daughter with toffees and tried to touch her inappropriately. {place}

d|मेरे पूर्व प्रेमी ने धमकी दी है कि अगर मैंने शादी की तो मेरे चेहरे पर तेजाब डाल देगा
h|mere ex ne dhamki di hai ki agar maine kahin aur shaadi ki to mere chehre pe tezaab daal dega, bahut darr lag raha hai
e|my ex boyfriend has threatened to throw acid on my face if I marry someone else. I'm terrified

d|{place} पार्क में शाम को लड़के बैठकर टहलने आई महिलाओं पर सीटी बजाते हैं और भद्दी बातें करते हैं
h|{place} park me shaam ko ladke baith ke walk pe aayi auraton pe seeti bajate hai aur bhaddi baatein karte hai
e|in the evening a gang of boys sits in {place} park whistling and passing lewd remarks at women who come to walk

d|ऑटो वाले ने सुनसान रास्ते पर ले जाकर मेरे साथ छेड़छाड़ की, मैं किसी तरह कूदकर भागी, ऑटो नंबर {veh}
h|auto wale ne sunsaan raste pe le ja ke chhedchhad ki, main kisi tarah kood ke bhaagi, auto no {veh}
e|the auto driver took a deserted route and molested me, I jumped out and ran. auto no {veh}, near {place}

d|मकान मालिक का बेटा बाथरूम की खिड़की से झांकता है, हमने मना किया तो घर खाली करने को बोल रहा है
h|makaan malik ka beta bathroom ki khidki se jhankta hai, mana kiya to ghar khali karne ko bol raha hai, {place}
e|our landlord's son peeps through the bathroom window, when we objected he asked us to vacate. {place}, {city}

d|कोई मेरे नाम से फर्जी आईडी बनाकर लोगों को मेरा नंबर दे रहा है, अनजान लोग कॉल करके गंदी बातें करते हैं
h|koi mere naam se fake ID bana ke logo ko mera number de raha hai, anjaan log call karke gandi baatein karte hai
e|someone made a fake ID in my name and is sharing my number, strangers now call me and talk dirty

d|{place} मेट्रो स्टेशन के पास एक आदमी रोज लड़कियों के सामने अश्लील हरकत करता है
h|{place} ke paas ek aadmi roz ladkiyon ke saamne ashleel harkat karta hai, subah 8-9 baje ke aas paas
e|a man exposes himself to girls near {place} station almost every morning. please put a patrol there
x|{place} me ek aadmi gandi harkat karta hai roz

d|स्कूल वैन का ड्राइवर मेरी बेटी को आगे बैठाता है और गलत तरीके से छूता है, बेटी ने आज बताया
h|school van ka driver meri beti ko aage bithata hai aur galat tarike se chhuta hai, beti ne aaj bataya, van {veh}
e|the school van driver makes my daughter sit in front and touches her inappropriately, she told us today. van {veh}

d|मेरी बेटी को एक लड़का {days} दिन से स्कूल के रास्ते में रोककर प्रपोज करता है, मना करने पर धमकाता है
h|ek ladka {days} din se meri beti ko school ke raste me rok ke propose karta hai, mana kare to dhamkata hai
e|for {days} days a boy has been stopping my daughter on her way to school, proposing and threatening her when she says no

d|जिम ट्रेनर वीडियो कॉल पर गलत बातें करता है और फोटो मांगता है, मना करने पर मेंबरशिप कैंसिल करने की धमकी
h|gym trainer video call pe galat baatein karta hai aur photos maangta hai, mana karne pe membership cancel ki dhamki
e|my gym trainer makes vulgar video calls and asks for photos, threatens to cancel my membership when I refuse

d|ट्रेन में सफर के दौरान {n} लड़कों ने मुझे और मेरी सहेली को पूरे रास्ते परेशान किया, फोटो खींचते रहे
h|train me safar ke dauran {n} ladko ne mujhe aur meri saheli ko poore raste pareshan kiya, photo kheenchte rahe
e|{n} boys harassed me and my friend throughout the train journey, kept clicking our photos and commenting

d|मेरी पत्नी को बाजार में एक आदमी ने धक्का देकर छेड़ा, विरोध करने पर गालियां दीं, {place}
h|meri wife ko {place} market me ek aadmi ne dhakka de ke chheda, virodh kiya to gaaliyan di
e|a man deliberately brushed against my wife and groped her in {place} market, abused us when we protested

d|गांव का दबंग मेरी बेटी को रास्ते में रोकता है और कहता है शादी करो वरना बदनाम कर दूंगा
h|gaon ka dabang meri beti ko raste me rokta hai aur kehta hai shaadi karo warna badnaam kar dunga, {place}
e|a local strongman keeps stopping my daughter and says he'll defame her if she doesn't marry him. {place} village

d|कोई व्हाट्सएप पर मेरे बारे में गंदे मैसेज ग्रुप में डाल रहा है, मेरी फोटो के साथ
h|koi whatsapp group me mere baare me gande msg daal raha hai meri photo ke saath, number {phone} se
e|someone is posting vulgar messages about me along with my photo in WhatsApp groups, from {phone}

d|ट्यूशन टीचर मेरी {cage} साल की बहन को अकेले बुलाता है और गलत तरीके से छूता है
h|tuition teacher meri {cage} saal ki behen ko akele bulata hai aur galat tarike se chhuta hai, wo darr gayi hai
e|the tuition teacher calls my {cage} year old sister alone and touches her inappropriately. she is scared to go

d|{place} में एक आदमी हर शाम मेरी बिल्डिंग के नीचे खड़ा रहता है और मेरा पीछा करता है, मुझे डर लगता है
h|ek aadmi har shaam meri building ke neeche khada rehta hai aur office tak peecha karta hai, {place} {city}
e|a man waits below my building in {place} every evening and follows me to work. I'm scared to step out alone

d|कैब ड्राइवर ने सफर के बाद मुझे व्हाट्सएप पर मैसेज करके परेशान करना शुरू कर दिया है
h|cab driver ne ride ke baad mujhe whatsapp pe msg karke pareshan karna shuru kar diya, gaadi {veh} thi
e|a cab driver got my number from the ride and now keeps messaging me on WhatsApp, even sent a vulgar pic. cab {veh}

d|मेले में भीड़ का फायदा उठाकर कुछ लड़कों ने लड़कियों से छेड़छाड़ की, हमने एक का वीडियो बनाया है
h|mele me bheed ka fayda utha ke kuch ladko ne ladkiyon se chhedchhad ki, humne ek ka video banaya hai {place}
e|some boys molested girls in the crowd at the fair in {place}, we have a video of one of them

d|मेरे साथ कॉलेज में पढ़ने वाला लड़का मेरे प्राइवेट फोटो वायरल करने की धमकी देकर पैसे मांग रहा है
h|college ka ek ladka mere private photos viral karne ki dhamki de ke {amt} maang raha hai
e|a classmate is threatening to leak my private pictures unless I pay him {amt}

d|पड़ोसी की नीयत खराब है, मेरी भाभी जब अकेली होती है तो घर में घुसने की कोशिश करता है
h|padosi ki neeyat kharab hai, bhabhi ghar pe akeli hoti hai to andar ghusne ki koshish karta hai, {place}
e|our neighbour tries to enter our house whenever my sister-in-law is home alone. he has bad intentions

d|{place} में शराब की दुकान के बाहर खड़े लोग आती जाती महिलाओं पर फब्तियां कसते हैं
h|{place} me theke ke bahar khade log aati jaati auraton pe fabtiyan kaste hai, wahan se nikalna mushkil hai
e|men standing outside the liquor shop at {place} pass remarks at every woman passing by. it's impossible to walk there

d|दुकानदार ने ट्रायल रूम में कैमरा लगा रखा है, मैंने देखा तो वो मुकर गया
h|{place} ki ek kapde ki dukaan me trial room me camera laga hai, maine dekha to dukandaar mukar gaya
e|I spotted a hidden camera in the trial room of a clothes shop in {place}, the owner denied it

d|मेरी बेटी के फोन पर एक अनजान आदमी अश्लील वीडियो भेज रहा है, नंबर {phone}
h|meri beti ke phone pe koi anjaan aadmi ashleel videos bhej raha hai, no. {phone}, wo {age} saal ki hai
e|an unknown man keeps sending obscene videos to my daughter's phone, number {phone}. she is {age}

d|रिक्शा से जाते वक्त बाइक सवार लड़कों ने दुपट्टा खींचा और हंसते हुए भाग गए, {place} रोड
h|rickshaw me ja rahi thi, bike wale ladko ne dupatta kheencha aur hanste hue bhaag gaye, {place} road, {time}
e|while I was in a rickshaw two boys on a bike pulled my dupatta and sped away laughing. {place} road {time}

d|मेरी पड़ोसन को उसका पूर्व मकान मालिक फोन करके धमकाता है और घर आने की बात करता है
h|padosan ko uska purana makan malik call karke dhamkata hai aur ghar aane ki baat karta hai, wo akeli rehti hai
e|a woman living alone next door is being threatened by her former landlord who keeps calling and turning up at her door

d|हमारी सोसाइटी का गार्ड महिलाओं की वीडियो बनाता है, पकड़ा गया तो माफी मांगकर फिर से वही करता है
h|society ka guard auraton ki videos banata hai, pakda gaya to maafi maang li phir wahi karta hai, {place}
e|the security guard of our society secretly films women. caught once, apologised, and is doing it again. {place}

d|फेसबुक पर एक आदमी दोस्ती करके मेरी बहन को मिलने के लिए बुला रहा है और न आने पर धमकियां दे रहा है
h|FB pe ek aadmi dosti karke meri behen ko milne bula raha hai, na aaye to dhamkiyan de raha hai
e|a man befriended my sister on Facebook and now threatens her for refusing to meet him

d|{place} में छात्राओं के हॉस्टल के सामने रात को लड़के गाड़ी रोककर गाने बजाते हैं और भद्दे इशारे करते हैं
h|girls hostel ke saamne raat ko ladke gaadi rok ke gaane bajate hai aur bhadde ishare karte hai, {place}
e|boys stop their car outside our girls' hostel at night in {place}, play songs and make lewd gestures

d|शादी समारोह में मेरे साथ एक रिश्तेदार के दोस्त ने जबरदस्ती की कोशिश की, मैं किसी तरह बची
h|shaadi function me ek rishtedaar ke dost ne mere saath zabardasti ki koshish ki, kisi tarah bachi, {date}
e|at a wedding function a friend of a relative tried to force himself on me, I managed to escape. this was on {date}

d|मेरी बेटी को ऑनलाइन गेम में मिले एक आदमी ने अश्लील बातें की और अब फोटो भेजने को धमका रहा है
h|beti ko online game me ek aadmi mila, gandi baatein ki aur ab photo bhejne ko dhamka raha hai, beti {cage} saal ki hai
e|a man my {cage} year old met through an online game is sending her sexual messages and demanding photos

d|नौकरी का झांसा देकर एक आदमी ने मुझे होटल बुलाया और गलत हरकत की
h|job ka jhansa de ke ek aadmi ne mujhe hotel bulaya aur galat harkat ki, {place} {city}, {date}
e|a man called me to a hotel in {place} promising a job and tried to molest me

d|सब्जी मंडी में एक दुकानदार हर बार महिलाओं से गंदी बातें करता है और हाथ पकड़ लेता है
h|sabzi mandi me ek dukandaar har baar auraton se gandi baatein karta hai aur haath pakad leta hai, {place}
e|a vendor at the vegetable market in {place} talks dirty to women customers and grabs their hands

d|हमारे कॉलेज का प्रोफेसर नंबर के बदले गलत मांग कर रहा है, कई लड़कियों के साथ ऐसा किया है
h|college ka ek professor marks ke badle galat demand kar raha hai, kai ladkiyon ke saath aisa kiya hai, {city}
e|a professor at our college is demanding sexual favours for marks, several girls have faced this. {city}

d|एक लड़का रोज शाम मेरी गली में आकर मेरा नाम लेकर चिल्लाता है और गाने गाता है, पूरा मोहल्ला देखता है
h|ek ladka roz shaam gali me aa ke mera naam le ke chillata hai, gaane gaata hai, pura mohalla dekhta hai {place}
e|a boy comes to my street every evening, shouts my name and sings songs, humiliating me in front of the whole neighbourhood
""", heldout=r"""
d|कपड़े की फैक्ट्री का सुपरवाइजर महिला मजदूरों को ओवरटाइम के बहाने रोककर छेड़ता है
h|factory ka supervisor ladies workers ko overtime ke bahane rok ke chhedta hai, {place}, koi kuch nahi bolta
e|a supervisor at the garment factory in {place} keeps women workers back for "overtime" and molests them

d|डिलीवरी बॉय ने सामान देने के बाद मेरे नंबर पर रात को गंदे मैसेज भेजे
h|delivery boy ne parcel dene ke baad raat ko mere number pe gande msgs bheje, {phone} se
e|the delivery boy who dropped my parcel is now sending me lewd messages at night from {phone}

d|मंदिर के पुजारी ने मेरी बेटी को अकेले पूजा के बहाने बुलाकर गलत हरकत की
h|mandir ke pujari ne beti ko akele pooja ke bahane bulaya aur galat harkat ki, {place}
e|the temple priest called my daughter alone on the pretext of a puja and touched her inappropriately. {place}

d|मेरी सहेली का पड़ोसी ड्रोन से उसकी छत की वीडियो बनाता है जब वो कपड़े सुखाती है
h|padosi drone uda ke chhat ki video banata hai jab ladies kapde sukhati hai, {place}
e|our neighbour flies a drone over our terrace to film the women of the house. {place}

d|ई-रिक्शा में बैठे दो लड़कों ने मेरे बगल बैठकर गलत तरीके से छुआ, ड्राइवर हंसता रहा
h|e-rickshaw me do ladke bagal me baith ke galat tarike se chhune lage, driver hasta raha, {place}
e|two men in a shared e-rickshaw groped me while the driver just laughed. {place}

d|मेरी बहन को नौकरी के इंटरव्यू के बाद HR वाला रात को वीडियो कॉल करके परेशान कर रहा है
h|interview ke baad HR wala raat ko video call karke behen ko pareshan kar raha hai, {phone}
e|after her job interview, the HR guy keeps video calling my sister late at night. {phone}

d|{place} के घाट पर नहाती महिलाओं की कुछ लड़के चुपके से वीडियो बना रहे थे
h|{place} ghat pe nahati auraton ki kuch ladke chupke se video bana rahe the, humne dekha to bhaag gaye
e|some young men were secretly filming women bathing at the ghat in {place}

d|ऑनलाइन क्लास में किसी ने घुसकर लड़कियों के लिए अश्लील बातें लिखीं और स्क्रीन पर गंदी तस्वीरें दिखाईं
h|online class me kisi ne ghus ke ladkiyon ke liye ashleel baatein likhi aur gandi photos share ki
e|someone gatecrashed our online class, wrote obscene things to the girls and shared vulgar images

d|मेरा पीछा करने वाला लड़का अब मेरे घर के बाहर मेरे नाम के पोस्टर चिपका गया
h|jo ladka peecha karta tha ab ghar ke bahar mere naam ke poster chipka gaya, {place}
e|the guy stalking me has now stuck posters with my name outside my house in {place}

d|हमारे गांव का प्रधान का भतीजा नल पर पानी भरने आई लड़कियों को परेशान करता है
h|pradhan ka bhatija nal pe paani bharne aayi ladkiyon ko pareshan karta hai, {place}
e|the village head's nephew harasses girls who come to the handpump to fetch water. {place}

d|ब्यूटी पार्लर में काम करने वाली मेरी बेटी को मालिक का भाई गंदे मैसेज भेजता है और छूने की कोशिश करता है
h|parlour me kaam karti hai beti, maalik ka bhai gande msg bhejta hai aur chhune ki koshish karta hai
e|my daughter works at a beauty parlour, the owner's brother sends her dirty texts and tries to touch her

d|किसी ने मेरी फोटो के साथ मेरा नंबर डेटिंग ऐप पर डाल दिया है, रोज गंदे कॉल आते हैं
h|kisi ne meri photo aur number dating app pe daal diya hai, roz gande calls aate hai
e|someone put my photo and number on a dating app, I get vulgar calls every day
x|dating app pe meri photo daal di kisi ne

d|मेरे पति के दोस्त घर आकर मुझे गलत नजर से देखते हैं और अकेले में गंदी बातें करते हैं
h|pati ke dost ghar aa ke galat nazar se dekhte hai aur akele me gandi baatein karte hai
e|my husband's friend visits and makes dirty remarks to me when nobody is around
""")
# ==========================================================================
# cyber_fraud (P2)
# ==========================================================================
DATA["cyber_fraud"] = dict(train=r"""
d|बैंक कर्मचारी बनकर एक आदमी ने फोन किया, केवाईसी अपडेट के नाम पर ओटीपी लिया और खाते से {amt} निकल गए
h|bank wala ban ke call aaya, KYC update ke naam pe OTP le liya aur account se {amt} nikal gaye, {date} ko
e|got a call from someone posing as a bank official for KYC update, shared the OTP and {amt} was debited from my account
x|OTP fraud {amt} gaya, plz help

d|ओएलएक्स पर सोफा बेचने डाला था, खरीदार ने क्यूआर कोड भेजा स्कैन करते ही {amt} कट गए
h|OLX pe sofa bechne dala tha, buyer ne QR code bheja scan karte hi {amt} kat gaye, army wala bata raha tha khud ko
e|listed a sofa on OLX, the "buyer" claiming to be an army officer sent a QR code and {amt} got debited when I scanned it
x|OLX fraud, {amt} kat gaye 😭

d|बिजली बिल बकाया का मैसेज आया, दिए नंबर पर कॉल किया तो उसने ऐप डाउनलोड कराया और {amt} उड़ा लिए
h|bijli bill pending ka msg aaya, us number pe call kiya to usne ek app download karwaya aur {amt} uda liye
e|got an SMS that my electricity will be cut tonight, called the number, they made me install an app and stole {amt}

d|मेरा इंस्टाग्राम अकाउंट हैक हो गया है, हैकर मेरे दोस्तों से पैसे मांग रहा है
h|mera insta account hack ho gaya, hacker mere dosto se paise maang raha hai, recovery bhi nahi ho rahi
e|my Instagram account got hacked and the hacker is asking my friends for money. can't recover it
x|insta hack ho gaya, dosto se paise maang raha hai

d|पार्ट टाइम जॉब के नाम पर टेलीग्राम पर टास्क दिए, पहले छोटे पैसे लौटाए फिर {amt} जमा करवा लिए
h|part time job ke naam pe telegram pe task diye, pehle thode paise wapas kiye phir {amt} jama karwa liye, ab block kar diya
e|Telegram part-time job scam: "like YouTube videos" tasks, paid small amounts first, then took {amt} as deposits and blocked me
x|telegram task scam me {amt} gaye

d|अनजान नंबर से वीडियो कॉल आई, उसमें अश्लील वीडियो चल रहा था, अब स्क्रीनशॉट वायरल करने की धमकी देकर पैसे मांग रहे हैं
h|unknown number se video call aayi usme ganda video chal raha tha, ab recording viral karne ki dhamki de ke {amt} maang rahe hai
e|sextortion: a video call from an unknown number with an obscene clip, now they're demanding {amt} or they'll send the recording to my contacts

d|किसी ने मेरी फोटो लगाकर फेसबुक पर नकली प्रोफाइल बनाई है और मेरे रिश्तेदारों से पैसे मांग रहा है
h|kisi ne meri photo laga ke FB pe fake profile banayi hai aur rishtedaro se paise maang raha hai
e|someone created a fake Facebook profile with my photos and is asking my relatives for money

d|ऑनलाइन साइट से मोबाइल मंगवाया था, डिब्बे में साबुन निकला, कस्टमर केयर फोन नहीं उठा रहा
h|online site se phone mangwaya tha dibbe me sabun nikla, customer care phone nahi utha raha, {amt} ka order tha
e|ordered a phone worth {amt} from a website, the box had a soap bar inside. the seller's customer care is unreachable

d|एटीएम पर मदद करने के बहाने एक आदमी ने मेरा कार्ड बदल लिया और बाद में {amt} निकाल लिए
h|ATM pe help ke bahane ek aadmi ne card badal liya aur baad me {amt} nikal liye, {place} wala ATM
e|a man at the ATM in {place} offered help, swapped my card and later withdrew {amt}

d|गूगल पर कस्टमर केयर नंबर ढूंढा, उसने रिफंड के लिए एनीडेस्क डाउनलोड कराया और खाता खाली कर दिया
h|google se customer care no. nikala, refund ke liye anydesk download karwaya aur account khali kar diya, {amt} gaye
e|searched a customer care number on Google for a refund, they asked me to install AnyDesk and emptied my account of {amt}

d|लोन ऐप से {amt2} का लोन लिया था, चुका दिया फिर भी वो मेरी फोटो एडिट करके कॉन्टैक्ट्स को भेज रहे हैं
h|loan app se chhota loan liya tha chuka bhi diya, phir bhi meri photo edit karke contacts ko bhej rahe hai aur gaali de rahe
e|took a small loan from an instant loan app, repaid it, but they are sending morphed photos of me to all my contacts

d|मेरे पापा को किसी ने फोन करके कहा कि बेटा पुलिस केस में फंसा है, {amt} भेजो, पापा ने भेज दिए
h|papa ko call aaya ki aapka beta police case me fasa hai {amt} bhejo, papa ne bhej diye, main to ghar pe hi tha
e|someone called my father saying I'd been arrested and needed {amt} for bail. he paid. I was at home the whole time

d|शेयर मार्केट टिप्स वाले व्हाट्सएप ग्रुप ने फर्जी ऐप में {amt} लगवाए, अब पैसे निकाल नहीं पा रहे
h|share market tips wale whatsapp group ne fake app me {amt} invest karwa diye, ab withdraw nahi ho raha
e|a WhatsApp "stock tips" group got me to invest {amt} in a fake trading app, withdrawals are blocked now

d|मेरे यूपीआई से बिना ओटीपी के {n} बार में पैसे कट गए, मैंने कोई लिंक नहीं खोला
h|mere UPI se bina OTP ke {n} baar me paise kat gaye, {amt} total, maine koi link nahi khola
e|{amt} debited from my UPI in {n} transactions without any OTP, I never clicked any link

d|खुद को कस्टम अधिकारी बताकर कहा कि आपके नाम का पार्सल पकड़ा गया है, डिजिटल अरेस्ट का डर दिखाकर {amt} ट्रांसफर करवा लिए
h|custom officer ban ke bola aapke naam ka parcel pakda gaya hai, digital arrest ka darr dikha ke {amt} transfer karwa liye
e|"digital arrest" scam: callers posing as customs and CBI officers kept me on video call for hours and made me transfer {amt}

d|बिजली कनेक्शन के लिए फर्जी वेबसाइट पर फीस जमा कर दी, अब ना कनेक्शन मिला ना पैसे
h|fake website pe gas connection ke liye fees bhar di {amt2}, ab na connection na paise
e|paid a registration fee of {amt2} on a fake gas agency website. no connection, no refund

d|केबीसी लॉटरी का मैसेज आया कि {amt} जीते हैं, टैक्स के नाम पर पैसे मांग रहे थे, मैंने दे दिए
h|KBC lottery ka msg aaya ki 25 lakh jeete hai, tax ke naam pe paise maange, maine {amt} de diye
e|got a "KBC lottery winner" message, paid {amt} as processing tax and now the number is switched off

d|मेरी दुकान पर एक आदमी ने नकली पेमेंट का स्क्रीनशॉट दिखाकर सामान ले लिया
h|dukaan pe ek aadmi fake payment ka screenshot dikha ke {amt} ka saaman le gaya, {place}
e|a customer showed a fake UPI payment screenshot at my shop in {place} and walked off with goods worth {amt}

d|सिम स्वैप करके किसी ने मेरा नंबर बंद कर दिया और बैंक खाते से {amt} निकाल लिए
h|achanak sim band ho gaya aur usi raat bank se {amt} nikal gaye, sim swap fraud lag raha hai
e|my SIM suddenly stopped working and the same night {amt} was withdrawn from my bank account. looks like SIM swap

d|व्हाट्सएप हैक हो गया है, मेरे नाम से सबको मैसेज जा रहे हैं कि पैसे की जरूरत है
h|whatsapp hack ho gaya, mere naam se sabko msg ja raha hai urgent paise chahiye, please koi paise mat bhejna
e|my WhatsApp has been hijacked and messages asking for urgent money are going to everyone from my number
x|whatsapp hack ho gaya help

d|नौकरी दिलाने के नाम पर एक वेबसाइट ने रजिस्ट्रेशन और ट्रेनिंग फीस के नाम पर {amt} ले लिए
h|job dilane ke naam pe ek website ne registration aur training fees ke naam pe {amt} le liye, ab koi jawab nahi
e|a job portal took {amt} from me as registration and training fees for an airport job. no reply now

d|पेट्रोल पंप पर कार्ड स्वाइप किया और अगले दिन खाते से दो बार अलग शहर में पैसे निकले
h|petrol pump pe card swipe kiya tha, agle din kisi aur shahar me card se {amt} nikle, card skimming hua hai
e|my card was cloned after I swiped it at a petrol pump in {place}; next day {amt} was withdrawn in another city
x|card clone ho gaya, {amt} gaye

d|एक ऐप ने मेरे फोन का पूरा डाटा चुरा लिया और अब फोटो लीक करने की धमकी दे रहा है
h|ek app install kiya tha usne phone ka sara data le liya, ab photos leak karne ki dhamki de rahe hai
e|an app I installed stole all my phone data and now they're threatening to leak my photos

d|मेरे नाम पर किसी ने फर्जी तरीके से क्रेडिट कार्ड बनवाकर {amt} की खरीदारी कर ली
h|mere naam pe kisi ne fake tarike se credit card banwa ke {amt} ki shopping kar li, bank ka notice aaya
e|someone got a credit card issued in my name with forged documents and spent {amt}. I got a recovery notice

d|मैट्रिमोनियल साइट पर मिले लड़के ने विदेश से गिफ्ट भेजने के नाम पर कस्टम ड्यूटी के {amt} ले लिए
h|matrimonial site pe mila ladka bola UK se gift bheja hai, custom duty ke naam pe {amt} le liye
e|a man I met on a matrimonial site said he'd sent a gift from the UK and I paid {amt} as customs duty. it was fake

d|होटल बुकिंग की फर्जी वेबसाइट पर {amt} का भुगतान किया, होटल पहुंचे तो कोई बुकिंग नहीं थी
h|fake hotel booking website pe {amt} pay kiye, hotel pahuche to koi booking nahi thi, {city}
e|paid {amt} for a hotel in {city} on a fake booking site, there was no reservation when we reached

d|मेरे बेटे ने फ्री फायर गेम में हथियार खरीदने के नाम पर अनजान आदमी को मेरे खाते से {amt} भेज दिए
h|bete ne free fire game me diamonds ke chakkar me anjaan aadmi ko mere account se {amt} bhej diye
e|a stranger in an online game tricked my son into sending {amt} from my account for game items

d|फर्जी पुलिस अधिकारी बनकर व्हाट्सएप पर नोटिस भेजा कि आपके खिलाफ केस है, पैसे दो वरना गिरफ्तारी
h|fake police officer ban ke whatsapp pe notice bheja ki aapke khilaaf case hai, paise do warna giraftari
e|someone sent me a fake police notice on WhatsApp saying there's a case against me, demanding money to settle

d|मेरा ईमेल हैक कर लिया और मेरे क्लाइंट को गलत बैंक डिटेल भेजकर पेमेंट अपने खाते में ले लिया
h|mera email hack karke client ko galat bank details bhej di, {amt} ka payment unke account me chala gaya
e|my business email was hacked and my client was sent fake bank details, {amt} payment went to the fraudster

d|क्रिप्टो में दुगुना करने का लालच देकर एक लड़की ने दोस्ती की और {amt} लगवा दिए
h|ek ladki ne dosti karke crypto me double karne ka lalach diya, {amt} lagwa diye, ab number band
e|a woman befriended me online, convinced me to invest {amt} in crypto with double returns, now unreachable

d|पुराना फोन बेचा था, खरीदार ने मेरा नंबर इस्तेमाल करके मेरे पेटीएम से पैसे निकाल लिए
h|purana phone becha tha, buyer ne data reset nahi hone ka fayda utha ke paytm se {amt2} nikal liye
e|sold my old phone without resetting it properly, the buyer used my saved wallet to take {amt2}

d|मेरे फोन पर किसी का {amt2} गलती से आया बोलकर कॉल आया, लौटाने के बाद मेरे खाते से और पैसे कट गए
h|call aaya galti se aapke account me paise bhej diye wapas karo, wapas kiye to mere account se aur kat gaye
e|someone called saying they sent money to me by mistake, I returned it and then more money got debited from my account

d|बिजली विभाग के नाम से लिंक भेजा, खोलते ही फोन हैंग हुआ और {amt} कट गए
h|ek link aaya APK file, kholte hi phone hang hua aur {amt} kat gaye, bank ko bol diya hai
e|opened an APK link received on WhatsApp, phone hung and {amt} vanished from my account

d|इंस्टाग्राम पर सस्ते आईफोन का विज्ञापन देखकर एडवांस दिया, अब वो पेज ही गायब है
h|insta pe sasta iphone ka ad dekh ke advance {amt} diya, ab wo page hi gayab hai
e|paid {amt} advance to an Instagram page selling cheap iPhones, the page has vanished

d|किराये के लिए मकान दिखाने के बहाने फर्जी मालिक ने टोकन मनी {amt} ले ली
h|99acres pe flat dekha, owner bola army me hu, token money {amt} le li aur ab phone off
e|a "landlord" on a property site claiming to be in the army took {amt} token money for a flat that doesn't exist

d|मेरे पिताजी की पेंशन खाते से किसी ने आधार बायोमेट्रिक से पैसे निकाल लिए, अंगूठा क्लोन हुआ लगता है
h|papa ke pension account se AEPS se paise nikal liye kisi ne, fingerprint clone hua lagta hai, {amt}
e|money was withdrawn from my father's pension account through Aadhaar biometric (AEPS) without his knowledge. {amt}

d|यूट्यूब चैनल हैक कर लिया है और उस पर क्रिप्टो का लाइव चला रहे हैं
h|mera youtube channel hack ho gaya, us pe crypto ka live chala rahe hai, 2 lakh subscribers the
e|my YouTube channel got hacked and they're streaming crypto scams on it

d|कोरियर वाले ने पता कन्फर्म करने के लिए लिंक भेजा, {amt2} भरे, उसके बाद {amt} कट गए
h|courier wale ka msg aaya address confirm karo 5 rs bharo, link pe pay kiya aur {amt} kat gaye
e|a "courier" SMS asked me to pay Rs 5 to confirm address; after paying via the link {amt} was debited

d|फर्जी कॉल सेंटर वाले ने बीमा पॉलिसी का बोनस दिलाने के नाम पर {amt} जमा करवा लिए
h|insurance policy ka bonus dilane ke naam pe fake call centre ne {amt} jama karwa liye, {n} saal se
e|fake insurance agents made my mother deposit {amt} over months promising a policy bonus

d|मेरी बेटी की फोटो से किसी ने इंस्टाग्राम पर फर्जी अकाउंट बनाकर गलत पोस्ट डाली हैं
h|beti ki photo se kisi ne insta pe fake account banaya aur galat posts daal rahe hai, report kiya par hata nahi
e|someone made a fake Instagram account with my daughter's photos and is posting objectionable stuff

d|मेरे खाते में किसी ने फ्रॉड के पैसे डाल दिए और अब बैंक ने मेरा खाता फ्रीज कर दिया
h|kisi ne mere account me fraud ke paise daal diye, ab bank ne account freeze kar diya, kya karun
e|my account was frozen because someone routed fraud money into it. I had no idea. please help
""", heldout=r"""
d|पुराने सिक्के बेचने के नाम पर वेबसाइट ने रजिस्ट्रेशन और जीएसटी के {amt} ले लिए
h|purane sikke bechne ke naam pe website ne registration aur GST ke {amt} le liye, 50 lakh dene ka wada tha
e|a site promised lakhs for my old coins, took {amt} as registration and GST, then vanished

d|सपोर्ट कॉल के दौरान फोन में स्क्रीन शेयर चालू था, उसी से मेरी नेट बैंकिंग खोलकर {amt} निकाल लिए
h|ek app pe screen share on tha, usi se net banking access karke {amt} nikal liye
e|I had screen sharing on during a "support" call and they accessed my net banking, took {amt}

d|फ्रेंचाइजी देने के नाम पर फर्जी कंपनी ने {amt} ले लिए, मेल अब बाउंस होते हैं
h|franchise dene ke naam pe fake company ne {amt} le liye, emails bounce ho rahe hai
e|paid {amt} for a food-brand franchise to a fake company, their emails now bounce

d|मेरे पिताजी को वीडियो कॉल पर नकली सीबीआई वाले ने {hours} घंटे बैठाकर रखा और एफडी तुड़वा ली
h|papa ko fake CBI wale ne video call pe {hours} ghante bithaye rakha aur FD tudwa ke {amt} le liye
e|fake CBI officers held my father on a video call for {hours} hours and made him break his FD, {amt} gone

d|फ्लिपकार्ट से रिटर्न किया, रिफंड के नाम पर कॉल आया और यूपीआई पिन डलवाकर पैसे ले लिए
h|return ka refund dilane ke naam pe call aaya, UPI pin dalwaya aur {amt} le liye
e|got a call about my pending refund, they made me enter my UPI PIN to "receive" it and took {amt}

d|विदेश में नौकरी और वीजा के नाम पर एजेंट ने {amt} लेकर फर्जी वीजा थमा दिया
h|dubai job aur visa ke naam pe agent ne {amt} le ke fake visa de diya
e|an agent took {amt} for a Dubai job and visa, the visa turned out to be fake

d|मेरा जीमेल और गूगल पे दोनों किसी ने एक साथ हैक कर लिए, पासवर्ड बदल गया है
h|gmail aur google pay dono hack ho gaye, password change ho gaya, {amt2} nikal bhi gaye
e|both my Gmail and Google Pay were hijacked together, password changed and {amt2} taken

d|कार बेचने का विज्ञापन दिया, खरीदार ने नकली आरटीजीएस रसीद भेजी और गाड़ी ले गया
h|car bechi thi, buyer ne fake RTGS receipt bheji aur gaadi le gaya, paise aaye hi nahi, {amt}
e|sold my car, buyer showed a forged RTGS receipt for {amt}, took the car and the money never came

d|पशु आहार की ऑनलाइन कंपनी बनकर एडवांस लिया और माल नहीं भेजा
h|online cattle feed supplier ne advance {amt} le liya aur maal nahi bheja, {place}
e|an online cattle feed supplier took {amt} advance from our dairy in {place} and never delivered

d|किसी ने मेरी आवाज की नकल करके मेरी मां से पैसे मंगवा लिए, एआई वाली आवाज थी
h|kisi ne AI se meri awaaz bana ke mummy ko call kiya aur {amt} mangwa liye
e|someone used an AI clone of my voice to call my mother and got her to send {amt}
x|AI voice fraud, {amt} gaye

d|स्कॉलरशिप दिलाने के नाम पर छात्रों से प्रोसेसिंग फीस ली गई, मेरे भाई से भी {amt2} लिए
h|scholarship dilane ke naam pe processing fees li, bhai se bhi {amt2} le liye, ab number band
e|a fake scholarship scheme took processing fees from students, including {amt2} from my brother

d|मेरी फर्म के नाम से फर्जी जीएसटी बिल बनाए जा रहे हैं, मुझे नोटिस आया
h|meri firm ke naam se fake GST bills bana rahe hai koi, mujhe notice aaya hai
e|someone is raising fake GST invoices using my firm's details, I received a notice

d|टिकट कैंसिल कराने के लिए रेलवे हेल्पलाइन गूगल से ढूंढी, उसने {amt} काट लिए
h|train ticket cancel karane ke liye google se helpline nikali, usne {amt} kaat liye
e|called a fake railway helpline from Google to cancel my ticket and lost {amt}
""")

# ==========================================================================
# theft (P2): theft, burglary, snatching, pickpocketing, robbery after the fact
# (items stolen FROM a vehicle are theft, the vehicle itself is vehicle_theft)
# ==========================================================================
DATA["theft"] = dict(train=r"""
d|हम {days} दिन के लिए बाहर गए थे, लौटे तो घर का ताला टूटा मिला, अलमारी से जेवर और {amt} नकद गायब
h|{days} din ke liye gaon gaye the, wapas aaye to ghar ka tala toota mila, almari se jewellery aur {amt} cash gayab, {place}
e|we were out of town for {days} days, came back to find the lock broken, jewellery and {amt} cash missing from the cupboard. {place}
x|ghar ka tala tod ke chori ho gayi {place}

d|{place} में सुबह टहलते समय बाइक सवार दो लड़के मेरी मां के गले से सोने की चेन खींचकर भाग गए
h|subah walk pe mummy ke gale se bike sawar 2 ladke sone ki chain kheench ke bhaag gaye, {place} {city}
e|two men on a bike snatched my mother's gold chain during her morning walk in {place}
x|chain snatching {place} {time}

d|भीड़ वाली बस में किसी ने मेरी जेब से पर्स निकाल लिया, उसमें {amt2} और आधार कार्ड था
h|bheed wali bus me kisi ne jeb se purse nikal liya, usme {amt2} aur aadhar card tha
e|my wallet was pickpocketed in a crowded bus, it had {amt2} and my Aadhaar card
x|bus me jeb kat gayi 😭

d|{place} मार्केट में फोन पर बात करते समय बाइक वाला मेरा मोबाइल छीनकर भाग गया
h|{place} market me phone pe baat kar raha tha, bike wala mobile chheen ke bhaag gaya, {time}
e|a biker snatched my phone while I was on a call in {place} market {time}
x|mobile chheen ke bhaag gaye {place}
m|{place} market में बात करते वक्त bike वाला mobile छीन कर भाग गया

d|मेरी दुकान का शटर तोड़कर चोर रात में {amt} का माल और गल्ले का कैश ले गए, सीसीटीवी में दिख रहे हैं
h|dukaan ka shutter tod ke chor raat me {amt} ka maal aur galle ka cash le gaye, CCTV me dikh rahe hai, {place}
e|thieves broke the shutter of my shop in {place} at night and took goods worth {amt} plus cash. they're visible on CCTV
x|dukaan me chori {place}, shutter toda

d|कार का शीशा तोड़कर किसी ने अंदर रखा लैपटॉप बैग चुरा लिया, गाड़ी {place} पार्किंग में थी
h|car ka sheesha tod ke kisi ne laptop bag chura liya, gaadi {place} parking me khadi thi, {time}
e|someone smashed my car window at {place} parking and stole my laptop bag. car is {veh}

d|घर के बाहर खड़ी ई-रिक्शा की बैटरी रात में चोर निकाल ले गए
h|ghar ke bahar khadi e-rickshaw ki battery raat me chor nikaal le gaye, ye teesri baar hua hai mohalle me, {place}
e|thieves took the batteries out of my e-rickshaw parked outside my house at night. {place}

d|नौकरानी काम छोड़कर गई और उसके बाद से अलमारी से सोने के कंगन गायब हैं
h|maid kaam chhod ke gayi aur tab se almari se sone ke kangan gayab hai, uska number band hai
e|our domestic help left suddenly and since then my gold bangles are missing from the cupboard, her phone is off

d|ट्रेन में सोते समय किसी ने मेरा बैग चुरा लिया, उसमें लैपटॉप और जरूरी कागज थे
h|train me sote time kisi ne bag chura liya, laptop aur zaruri documents the, {city} station se pehle
e|my bag with laptop and important documents was stolen while I was asleep on the train before {city}

d|मंदिर से दानपात्र और मूर्ति के चांदी के मुकुट चोरी हो गए, {place}
h|{place} ke mandir se daanpatra aur murti ka chandi ka mukut chori ho gaya, gaon wale pareshan hai
e|the donation box and silver crown of the idol were stolen from our temple in {place}

d|निर्माणाधीन मकान से सरिया और सीमेंट की बोरियां रात में चोरी हो गईं
h|under construction makaan se sariya aur cement ki boriyan raat me chori ho gayi, {amt} ka nuksan
e|steel rods and cement bags worth {amt} stolen overnight from my under-construction house in {place}

d|बैंक से पैसे निकालकर निकला था, किसी ने पीछे से बैग काटकर {amt} निकाल लिए
h|bank se paise nikaal ke nikla tha, kisi ne peeche se bag kaat ke {amt} nikaal liye, {place} branch
e|withdrew {amt} from the bank at {place}, someone slit my bag from behind and took the cash

d|शादी समारोह से मेहमान का जेवरों वाला बैग गायब हो गया, कोई बच्चा उठाकर ले गया
h|shaadi me ek bacha jewellery wala bag utha ke le gaya, cctv me dikh raha hai, {place} ka marriage hall
e|a child lifted a bag full of jewellery at a wedding in {place}, it's on CCTV. organised gang suspected

d|बाइक की डिक्की तोड़कर किसी ने अंदर रखे {amt} और कागज निकाल लिए
h|bike ki dikki tod ke kisi ne andar rakhe {amt} aur papers nikal liye, bas 10 min ke liye khadi ki thi
e|someone broke open my bike's storage box and took {amt} and documents, parked for just ten minutes

d|{place} में किराने की दुकान से दो औरतें सामान उठाकर ले गईं, वीडियो हमारे पास है
h|{place} ki kirane ki dukaan se do auratein saamaan utha ke le gayi, video hai hamare paas
e|two women shoplifted from my grocery store in {place}, we have the video

d|खेत से ट्यूबवेल का मोटर और केबल चोरी हो गया, गांव में कई लोगों के साथ हुआ है
h|khet se tubewell ki motor aur cable chori ho gayi, gaon me kai logo ke saath hua hai, {place}
e|the tubewell motor and cables were stolen from my field in {place}, several farmers have been hit

d|ऑटो में बैठे लोगों ने बातों में लगाकर मेरी मां की अंगूठी उतार ली
h|auto me baithe logo ne baaton me laga ke mummy ki angoothi utaar li, {place} se {city} ja rahe the
e|fellow passengers in a shared auto distracted my mother and slipped off her gold ring

d|{place} में रात को हमारी बिल्डिंग के {n} फ्लैट में एक साथ चोरी हुई
h|raat ko building ke {n} flats me ek saath chori hui, {place}, sab log sadme me hai
e|{n} flats in our building in {place} were burgled on the same night

d|दो आदमियों ने रास्ता पूछने के बहाने रोका और चाकू दिखाकर मेरा फोन और पर्स छीन लिया, कल {time} की घटना है
h|do aadmiyon ne rasta poochne ke bahane roka aur chaku dikha ke phone aur purse chheen liya, kal {time}, {place}
e|two men stopped me asking for directions, showed a knife and robbed my phone and wallet. happened yesterday {time} near {place}

d|कूरियर से आया पार्सल घर के गेट से कोई उठा ले गया, सीसीटीवी में आदमी दिख रहा है
h|gate pe rakha parcel koi utha le gaya, cctv me banda dikh raha hai, {place}
e|someone stole a parcel left at my gate, the guy is clearly visible on CCTV. {place}

d|सोते समय खिड़की से हाथ डालकर किसी ने चार्जिंग पर लगा फोन चुरा लिया
h|khidki se haath daal ke kisi ne charging pe laga phone chura liya, {place}, raat 3 baje ke aas paas
e|someone reached through the window at night and stole my phone that was charging. {place}

d|ऑफिस में लॉकर से किसी ने मेरा पर्स और कार्ड निकाल लिए, {amt2} भी थे
h|office ke locker se kisi ne purse aur cards nikaal liye, {amt2} cash bhi tha, {place}
e|my wallet and cards were taken from my office locker in {place}, had {amt2} cash

d|बुजुर्ग पिताजी को ठगों ने नकली पुलिस बनकर रोका और जेवर उतरवाकर कागज में लपेटने के बहाने ले गए
h|papa ko 2 log nakli police ban ke roke, bola aage loot ho rahi hai gehne utaar do, kagaz me lapet ke le gaye
e|two men posing as police stopped my father, told him to remove his gold for safety and walked away with it

d|पेट्रोल पंप के पास कार का टायर पंक्चर कराने रुके, तब तक कोई पीछे की सीट से बैग ले गया
h|tyre puncture ka bahana bana ke gaadi rukwayi aur peeche ki seat se bag le gaye, {amt} the usme
e|"your tyre is punctured" trick: while I checked the tyre someone took a bag with {amt} from my back seat

d|मेरे खेत से गेहूं की {n} बोरियां रात में चोरी हो गईं
h|khalihan se gehu ki {n} boriyan raat me chori ho gayi, {place} gaon
e|{n} sacks of wheat stolen overnight from our threshing floor in {place}

d|मेरी साइकिल रिपेयर की दुकान से औजार और पार्ट्स चोरी कर लिए गए
h|meri cycle repair ki dukaan se auzaar aur parts chori ho gaye, {place}, {amt2} ka saaman
e|tools and spare parts stolen from my cycle repair shop in {place}

d|{place} हाट में मेरी पत्नी का मंगलसूत्र किसी ने काट लिया, भीड़ बहुत थी
h|{place} haat me bheed me wife ka mangalsutra kisi ne kaat liya, pata hi nahi chala
e|my wife's mangalsutra was cut and stolen in the crowd at {place} weekly market

d|स्कूल से बच्चों का मिड डे मील का राशन और बर्तन चोरी हो गए
h|school se mid day meal ka ration aur bartan chori ho gaye, taala toota mila, {place}
e|rations and utensils for the mid-day meal stolen from the village school in {place}, lock broken

d|मेरी गाड़ी से रात में पेट्रोल निकाल लिया और साइलेंसर भी खोल ले गए
h|raat me gaadi se petrol nikaal liya aur silencer bhi khol ke le gaye, gaadi {veh}, {place}
e|thieves drained petrol and took the silencer off my car overnight, car {veh}, {place}

d|किरायेदार घर खाली करके गया तो साथ में हमारा एसी और पंखे भी ले गया
h|kirayedar ghar khali karke gaya to hamara AC aur pankhe bhi le gaya, phone nahi utha raha
e|our tenant moved out and took our AC and ceiling fans with him, not answering calls

d|बारात में नाचते समय किसी ने दूल्हे के पिता की जेब से {amt} निकाल लिए
h|baraat me naachte time dulhe ke papa ki jeb se {amt} nikal gaye, {place}
e|someone picked {amt} from the groom's father's pocket while dancing at the baraat in {place}

d|घर के बाहर लगा पानी का मीटर और नल की टोंटियां चोर रोज खोलकर ले जाते हैं
h|ghar ke bahar ka paani ka meter aur nal ki tonti chor khol ke le jaate hai, nashedi hai sab, {place}
e|drug addicts keep stealing water meters and brass taps from houses in our lane in {place}

d|ज्वेलरी शोरूम में ग्राहक बनकर आई महिला ने असली अंगूठी बदलकर नकली रख दी
h|showroom me customer ban ke aayi aurat ne asli angoothi ki jagah nakli rakh di, cctv me clear hai
e|a woman posing as a customer swapped a gold ring for a fake at our jewellery showroom in {place}

d|एटीएम मशीन को तोड़कर चोरों ने कैश निकालने की कोशिश की, मशीन उखाड़ ले गए
h|{place} me ATM machine ukhaad ke le gaye chor raat me
e|thieves uprooted and carried away an ATM machine in {place} overnight

d|मोबाइल टावर की बैटरियां और केबल चोरी हो गए, कंपनी ने मुझसे शिकायत करने को कहा
h|hamari zameen pe laga mobile tower, uski batteries aur cable chori ho gayi, {place}
e|batteries and cables stolen from the mobile tower on my land in {place}

d|दुकान में काम करने वाला लड़का {n} महीने से गल्ले से पैसे चुरा रहा था, अब भाग गया
h|dukaan ka naukar {n} mahine se galle se paise chura raha tha, {amt} le ke bhaag gaya
e|my shop assistant had been stealing from the till for {n} months and has now run away with {amt}

d|मेरी बकरियां रात में बाड़े से चोरी हो गईं, {n} बकरियां थीं
h|raat ko baade se {n} bakriyan chori ho gayi, {place}, gareeb aadmi hu sir
e|{n} goats stolen from my pen at night in {place}. they were my only income
x|{n} bakriyan chori ho gayi

d|हॉस्टल के कमरे से मेरा लैपटॉप और घड़ी चोरी हो गए, ताला नहीं टूटा
h|hostel room se laptop aur watch chori ho gaye, tala bhi nahi toota, {place}
e|my laptop and watch were stolen from my hostel room in {place}, the lock wasn't even broken

d|अस्पताल में मरीज के पास रखा बैग और फोन कोई उठा ले गया
h|hospital me mareez ke paas rakha bag aur phone koi utha ke le gaya, {place}, ward {n}
e|someone stole the bag and phone kept by my father's bed in ward {n} of the hospital in {place}

d|एफआईआर हो चुकी है, पर मेरे घर से चोरी हुए गहने अब तक नहीं मिले, {days} दिन हो गए, कृपया बरामदगी करवाइए
h|FIR ho chuki hai {ps} me, par ghar se chori hue gehne ab tak nahi mile, {days} din ho gaye, baramadgi karwaiye
e|FIR already lodged at {ps}, but the jewellery stolen from my house {days} days ago hasn't been recovered yet. please expedite

d|कार की बैटरी और चारों पहिए रात में खोलकर ले गए चोर, गाड़ी ईंटों पर खड़ी मिली
h|car ki battery aur chaaro pahiye raat me khol ke le gaye chor, gaadi eenton pe khadi mili, {veh}, {place}
e|thieves took the battery and all four wheels off my car overnight, found it standing on bricks. {veh}, {place}

d|बाइक पर टंगा हेलमेट और बैग पार्किंग से कोई उठा ले गया, बाइक सही सलामत है
h|bike pe tanga helmet aur bag parking se koi utha le gaya, bike theek hai bas saaman gaya, {place}
e|someone took the helmet and bag hanging on my bike at {place} parking; the bike itself is fine

d|मेरे घर के बाहर लगा सीसीटीवी कैमरा ही कोई खोलकर ले गया
h|ghar ke bahar laga CCTV camera hi koi khol ke le gaya, {place}, raat 3 baje
e|someone unscrewed and stole the CCTV camera outside my house in {place}

d|पड़ोस के लड़के ने मेरे घर से {amt} और मोबाइल चुराए, उसकी मां ने खुद माना है
h|padosi ke ladke ne ghar se {amt} aur mobile churaye, uski maa ne khud maana hai, {place}
e|a neighbour's boy stole {amt} and a phone from our house, his mother has admitted it. {place}
""", heldout=r"""
d|गौशाला से दान की पेटी और गायों का चारा खरीदने के {amt} चोरी हो गए
h|gaushala se daan peti aur chaare ke {amt} chori ho gaye, {place}
e|the donation box and {amt} meant for fodder were stolen from the gaushala in {place}

d|सोलर पैनल छत से खोलकर ले गए चोर, {n} पैनल थे
h|chhat se solar panel khol ke le gaye chor, {n} panel the, {place}
e|thieves unscrewed and took {n} solar panels off our roof in {place}
x|solar panel chori {place}

d|मेडिकल स्टोर में दवा लेने के बहाने आए लड़कों ने काउंटर से कैश बॉक्स उठा लिया
h|medical store pe dawai lene aaye ladke counter se cash box utha ke bhaag gaye, {place}
e|two boys pretending to buy medicine grabbed the cash box from my pharmacy counter in {place}

d|शादी के घर में गिफ्ट के लिफाफों का बैग गायब हो गया, {amt} से ज्यादा थे
h|shaadi ke ghar me lifafon wala bag gayab ho gaya, {amt} se zyada the, {place}
e|the bag with all the gift envelopes, over {amt}, vanished at our wedding in {place}

d|गोदाम की दीवार में सेंध लगाकर चोर सरसों के तेल के {n} टिन ले गए
h|godaam ki deewar me sendh laga ke chor sarson tel ke {n} tin le gaye, {place}
e|burglars tunnelled through the godown wall in {place} and took {n} tins of mustard oil

d|होटल के कमरे से मेरा कैमरा और लेंस गायब हैं, स्टाफ पर शक है
h|hotel room se camera aur lens gayab hai, {place}, staff pe shak hai
e|my camera and lenses went missing from my hotel room in {place}, suspect the staff

d|स्कूल की कंप्यूटर लैब से {n} कंप्यूटर और प्रोजेक्टर चोरी हो गए
h|school ki computer lab se {n} computers aur projector chori ho gaye, {place}
e|{n} computers and a projector stolen from the school computer lab in {place}

d|नाव के घाट से मछुआरों के जाल और इंजन रात में चोरी हो गए
h|ghat se machhuaron ke jaal aur boat engine chori ho gaye raat me, {place}
e|fishing nets and a boat engine were stolen from the riverbank at {place} overnight

d|मोबाइल रिपेयर के लिए दिया, दुकानदार ने पार्ट्स निकालकर नकली लगा दिए और अब दुकान बंद है
h|phone repair ko diya, dukandaar ne original parts nikaal ke nakli laga diye, ab dukaan band, {place}
e|gave my phone for repair, the shop swapped the original parts for fakes and has now shut down. {place}

d|पूजा के पंडाल से देवी के गहने चोरी हो गए
h|pandal se devi maa ke gehne chori ho gaye raat me, {place}
e|the ornaments on the goddess idol were stolen from our puja pandal in {place}

d|दो लड़कों ने स्कूटी पर आकर सब्जी वाली अम्मा का दिनभर की कमाई वाला थैला झपट लिया
h|scooty pe 2 ladke aaye aur sabzi wali amma ka paiso wala thaila jhapat ke bhaag gaye, {place}
e|two boys on a scooty snatched the cash pouch from an elderly vegetable seller in {place}

d|बिजली के ट्रांसफार्मर से तांबा और तेल चोरी हो गया, मोहल्ले की लाइट गई
h|transformer se copper aur oil chori ho gaya, poore mohalle ki light gayi, {place}
e|copper coils and oil stolen from the transformer in {place}, whole area without power

d|पार्सल डिलीवरी करने वाला लड़का डिलीवरी के बदले बंडल से महंगे सामान निकालता है
h|delivery boy packet khol ke mehnga saaman nikaal leta hai, {n} baar ho chuka hai {place} me
e|the delivery boy keeps opening packages and removing expensive items before delivering. {place}
""")
# ==========================================================================
# vehicle_theft (P2): the vehicle itself stolen
# ==========================================================================
DATA["vehicle_theft"] = dict(train=r"""
d|मेरी स्प्लेंडर बाइक {veh} घर के बाहर से रात में चोरी हो गई, सुबह देखा तो गायब थी
h|meri splendor bike {veh} ghar ke bahar se raat me chori ho gayi, subah dekha to gayab, {place}
e|my Splendor {veh} was stolen from outside my house overnight in {place}
x|bike chori {veh} {place} plz help

d|{place} मार्केट की पार्किंग से मेरी एक्टिवा स्कूटी चोरी हो गई, नंबर {veh}, सिर्फ आधे घंटे के लिए खड़ी की थी
h|{place} market parking se meri activa chori ho gayi, no {veh}, bas aadha ghanta khadi ki thi
e|my Activa {veh} was stolen from {place} market parking, I'd parked it for barely half an hour
m|{place} market की parking से मेरी Activa चोरी हो गई, number {veh}

d|हमारी बोलेरो गाड़ी रात में घर के सामने से चोरी हो गई, जीपीएस भी बंद कर दिया चोरों ने
h|hamari bolero raat me ghar ke saamne se chori ho gayi, GPS bhi band kar diya choron ne, {veh}
e|our Bolero {veh} was stolen from in front of our house last night, the thieves disabled the GPS too

d|खेत पर खड़ा ट्रैक्टर रात में कोई चुरा ले गया, महिंद्रा 575 है, नंबर {veh}
h|khet pe khada tractor raat me koi chura le gaya, mahindra 575 hai, no {veh}, {place} gaon
e|our Mahindra 575 tractor {veh} was stolen from the farm overnight, {place} village
x|tractor chori {veh}

d|ई-रिक्शा चार्जिंग पर लगा था, सुबह देखा तो पूरा रिक्शा ही गायब था, यही मेरी रोजी रोटी है
h|e-rickshaw charging pe laga tha subah dekha to poora rickshaw hi gayab, yahi meri roji roti hai sir, {place}
e|my e-rickshaw was stolen overnight while it was charging. it's my only livelihood. {place}
x|e-rickshaw chori ho gaya sir {place}

d|अस्पताल के बाहर से मेरी पल्सर चोरी हो गई, मरीज को देखने अंदर गया था
h|hospital ke bahar se meri pulsar chori ho gayi {veh}, mareez ko dekhne andar gaya tha bas
e|my Pulsar {veh} was stolen outside the hospital in {place} while I was visiting a patient

d|सोसाइटी के बेसमेंट पार्किंग से मेरी स्विफ्ट डिजायर गायब है, गार्ड को कुछ पता नहीं
h|society ki basement parking se meri swift dzire gayab hai, guard ko kuch nahi pata, {veh}
e|my Swift Dzire {veh} is missing from our society's basement parking in {place}, guards have no clue
x|car gayab society parking se {veh}

d|{date} को मेरी बाइक {place} रेलवे स्टेशन की पार्किंग से चोरी हुई
h|{date} ko meri bike {place} station parking se chori hui, parchi bhi hai mere paas, {veh}
e|my bike {veh} was stolen from the {place} railway station parking on {date}, I have the parking slip

d|मेरी बुलेट मोटरसाइकिल का हैंडल लॉक तोड़कर ले गए, सीसीटीवी में दो लड़के दिख रहे हैं
h|bullet ka handle lock tod ke le gaye, cctv me 2 ladke dikh rahe hai, gaadi {veh}, {place}
e|two guys broke the handle lock and rode away on my Royal Enfield {veh}, caught on CCTV. {place}

d|ऑफिस के बाहर से मेरी स्कूटी चोरी हो गई, उसकी डिक्की में कागज भी थे
h|office ke bahar se meri scooty chori ho gayi, dikki me papers bhi the, {veh}, {place}
e|my scooty {veh} got stolen outside my office in {place}, the RC and licence were in the dicky

d|ट्रक ड्राइवर ही हमारा ट्रक माल समेत लेकर फरार हो गया
h|hamara driver hi truck maal samet le ke faraar ho gaya, truck {veh}, phone band hai
e|our own driver has disappeared with the truck {veh} and the cargo, his phone is off

d|मंदिर के बाहर जूते उतारकर गए थे, लौटे तो बाइक गायब थी
h|mandir me darshan karne gaye the laute to bike gayab thi, {veh}, {place}
e|went inside the temple for ten minutes, came out and my bike {veh} was gone. {place}

d|शादी समारोह के बाहर खड़ी हमारी अर्टिगा कार चोरी हो गई
h|shaadi me gaye the, bahar khadi ertiga chori ho gayi, {veh}, {place} ka banquet hall
e|our Ertiga {veh} was stolen from outside a wedding venue in {place}

d|किराये पर गाड़ी ले जाने वाला आदमी गाड़ी वापस नहीं लाया, अब फोन भी बंद है
h|self drive pe car le gaya banda wapas nahi laya, ab phone bhi band hai, car {veh}
e|a customer rented my self-drive car {veh} and never returned it, his phone is switched off

d|घर के बाहर से सामान से भरी मेरी पिकअप गाड़ी रात में चोर ले गए, {veh}, {place}
h|raat me chor pickup gaadi hi le gaye {veh}, usme saaman bhi tha, {place}
e|thieves drove off with my pickup truck {veh} loaded with goods from {place} at night

d|{place} में कोचिंग के बाहर से मेरे बेटे की नई बाइक चोरी हो गई, अभी {days} दिन पहले खरीदी थी
h|coaching ke bahar se bete ki nayi bike chori ho gayi, abhi {days} din pehle li thi, {place}
e|my son's brand new bike was stolen outside his coaching centre in {place}, bought just {days} days ago

d|मेरा ऑटो स्टैंड से चोरी हो गया, ऑटो नंबर {veh}
h|auto stand se mera auto chori ho gaya, no {veh}, ghar ka kharcha isi se chalta tha
e|my auto rickshaw {veh} was stolen from the auto stand. it's how I feed my family
x|auto chori ho gaya {veh} 🙏

d|ड्राइवर को नशीला पदार्थ खिलाकर लोग गाड़ी लूट ले गए, ड्राइवर अस्पताल में है
h|sawari ban ke baithe log driver ko nasha de ke gaadi loot le gaye, driver hospital me hai, {veh}
e|passengers drugged our taxi driver and drove off with the car {veh}. driver is in hospital now

d|घर के आंगन से मेरी साइकिल और बेटे की स्कूटी दोनों चोरी हो गईं
h|aangan se cycle aur bete ki scooty dono chori ho gayi, gate ka tala tod diya, {place}
e|both my bicycle and my son's scooty were stolen from our courtyard, gate lock broken. {place}

d|पेट्रोल पंप पर हवा भरवाने रुका, चाबी लगी छोड़ी और कोई बाइक लेकर भाग गया
h|pump pe hawa bharwane ruka, chabi lagi reh gayi aur koi bike le ke bhaag gaya, {veh}
e|stopped at a petrol pump, left the key in and someone rode off on my bike {veh}

d|{place} में घर के बाहर से मेरी इनोवा क्रिस्टा रात में चोरी, चोर रेकी करके आए थे
h|{place} me ghar ke bahar se innova crysta raat me chori, chor reki karke aaye the, {veh}
e|my Innova Crysta {veh} was stolen from outside my home in {place}, thieves had done a recce earlier

d|मेरी बाइक चोरी हो गई थी, अब उसके नंबर से चालान आ रहे हैं, कोई और चला रहा है
h|bike chori hui thi, ab uske number {veh} pe challan aa rahe hai {city} se, koi aur chala raha hai
e|my stolen bike {veh} is getting traffic challans in {city}, someone is riding it. please trace it

d|जेसीबी मशीन साइट से रात में चोरी हो गई
h|site se JCB machine raat me gayab, {place}, chowkidar so raha tha
e|our JCB was stolen from the construction site at {place} overnight

d|कॉलेज की पार्किंग से मेरी एफजेड बाइक चोरी हो गई
h|college parking se meri FZ chori ho gayi {veh}, {place}, cctv kharab hai
e|my Yamaha FZ {veh} was stolen from the college parking, {place}

d|मेरी कार घर के बाहर से चोरी हुई, सुबह एक खाली प्लॉट में उसकी नंबर प्लेट पड़ी मिली
h|car chori hui ghar ke bahar se, subah khali plot me number plate padi mili, {veh}, {place}
e|my car {veh} was stolen from outside my house, found its number plate dumped in an empty plot next morning

d|दूध बेचने जाता हूं, डेयरी के बाहर से मेरी बाइक दूध के डिब्बों समेत चोरी हो गई
h|dairy ke bahar se bike doodh ke dibbon samet chori ho gayi, {place}, {veh}
e|my bike {veh} was stolen along with the milk cans outside the dairy in {place}

d|मेरे भाई की स्कॉर्पियो हाईवे के ढाबे से चोरी हो गई, ड्राइवर खाना खा रहा था
h|bhai ki scorpio dhabe se chori ho gayi highway pe, driver khana kha raha tha, {veh}
e|my brother's Scorpio {veh} was stolen from a highway dhaba while the driver was eating

d|{place} में मेरे घर के बाहर से ट्रैक्टर की ट्रॉली चोरी हो गई
h|ghar ke bahar se tractor ki trolley chori ho gayi, {place}, ganne se bhari thi
e|my tractor trolley loaded with sugarcane was stolen from outside my house in {place}

d|बाजार से मेरी स्कूटी चोरी हुई, उसकी चाबी भी मेरे पास है, मास्टर चाबी से खोली होगी
h|market se scooty chori, chabi mere paas hai to master key se kholi hogi, {veh}, {place}
e|scooty {veh} stolen from the market in {place}, I still have the key, they must've used a master key

d|मेरी बाइक चोरी हुए {days} दिन हो गए, ऑनलाइन एफआईआर कर दी है, कृपया ढूंढने में मदद करें
h|bike chori hue {days} din ho gaye, online FIR kar di hai, kripya dhundhne me madad kare, {veh}
e|it's been {days} days since my bike {veh} was stolen, e-FIR filed. please help trace it

d|ड्राइवर बनकर नौकरी पर आया आदमी दूसरे ही दिन हमारी कार लेकर भाग गया
h|driver ban ke naukri pe aaya aadmi dusre hi din car le ke bhaag gaya, {veh}, uske documents bhi fake the
e|a man we hired as driver vanished with our car {veh} on his second day, his documents were fake

d|स्कूल बस खड़ी रहती है मैदान में, रात में बस ही गायब हो गई
h|school ki van maidan me khadi rehti hai, raat me van hi gayab, {veh}, {place}
e|the school van {veh} parked in the ground overnight has been stolen. {place}

d|ढाबे के बाहर खड़ा मेरा ट्रक रात में चोरी हो गया, उसमें {amt} का माल था
h|dhabe ke bahar khada truck raat me chori ho gaya, usme {amt} ka maal tha, {veh}
e|my truck {veh} with cargo worth {amt} was stolen from outside a dhaba overnight

d|बेटा ट्यूशन गया था, उसकी नई इलेक्ट्रिक स्कूटी बाहर से गायब हो गई
h|beta tuition gaya tha, uski nayi electric scooty bahar se gayab, {place}, abhi no. plate bhi nahi lagi thi
e|my son's new electric scooter was stolen outside his tuition centre in {place}, it didn't even have a plate yet

d|{place} पार्क के बाहर से मेरी अपाचे बाइक चोरी, उसी जगह से पिछले महीने भी बाइक गई थी
h|{place} park ke bahar se meri apache chori, wahan se pichle mahine bhi ek bike gayi thi, {veh}
e|my Apache {veh} stolen outside {place} park, same spot where another bike was stolen last month

d|मेरा ई-रिक्शा सवारी बनकर बैठे दो लोग ड्राइवर को उतारकर ले गए
h|2 sawari ne mere e-rickshaw driver ko sunsaan jagah utaar diya aur rickshaw le ke bhaag gaye, {place}
e|two passengers forced my e-rickshaw driver out at a lonely spot near {place} and drove off with the rickshaw

d|रात को घर के बाहर से मेरी ऑल्टो गायब हो गई, {veh}, {place}, कहीं शीशा भी टूटा नहीं मिला
h|raat ko ghar ke bahar se meri alto gayab ho gayi, {veh}, {place}, lock bhi nahi toota dikha
e|my Alto {veh} disappeared from outside my house in {place} last night, no broken glass anywhere

d|मेरी बाइक मेले से चोरी हो गई, {place} में मेला लगा था
h|{place} mele me bike stand pe khadi ki thi, chori ho gayi, {veh}, parchi bhi kati thi
e|my bike {veh} was stolen from the paid stand at the fair in {place}

d|मेरी कंपनी की डिलीवरी वैन ड्राइवर के नाश्ता करने के दौरान चोरी हो गई
h|company ki delivery van chori ho gayi jab driver nashta kar raha tha, {veh}, {place}
e|our company delivery van {veh} was stolen while the driver stopped for breakfast in {place}

d|रात में घर के सामने से मेरी मारुति वैन चोरी हो गई, पुरानी है पर मेरे काम की थी
h|ghar ke saamne se maruti van chori, purani hai par mera kaam isi se chalta tha, {veh}
e|my old Maruti van {veh} was stolen from in front of my house. old, but my business depends on it

d|थाने में रिपोर्ट लिख ली गई है, पर कृपया मेरी स्कूटी जल्दी ढूंढ दीजिए, रोज ऑफिस जाना मुश्किल है
h|thane me report likh li gayi hai, par meri scooty {veh} jaldi dhoondh dijiye, roz office jaana mushkil
e|report is filed, but please trace my stolen scooty {veh} soon, commuting to work is a struggle
""", heldout=r"""
d|घाट पर नाव के पास खड़ी मेरी मोपेड चोरी हो गई
h|ghat ke paas khadi meri moped chori ho gayi, {veh}, {place}
e|my moped {veh} was stolen near the ghat at {place}

d|कंबाइन हार्वेस्टर मशीन खेत से रात में गायब हो गई
h|combine harvester khet se raat me gayab, {place}, lakho ki machine hai
e|our combine harvester disappeared from the field in {place} overnight

d|शोरूम से टेस्ट ड्राइव के बहाने ग्राहक नई बाइक लेकर भाग गया
h|showroom se test drive ke bahane customer nayi bike le ke bhaag gaya, {place}
e|a "customer" took a new bike for a test drive from our showroom in {place} and never came back

d|डिलीवरी के काम वाली मेरी इलेक्ट्रिक बाइक गोदाम के बाहर से चोरी हो गई, {veh}, {place}
h|godown ke bahar se meri electric bike chori, {veh}, {place}, delivery ka kaam karta hu
e|my electric bike {veh} used for deliveries was stolen from outside the warehouse in {place}

d|होटल के वैलेट ने गाड़ी पार्क की, अब होटल कह रहा है गाड़ी उनके पास नहीं है
h|hotel valet ne car park ki, ab hotel bol raha hai gaadi unke paas nahi hai, {veh}, {place}
e|the hotel valet took my car {veh}, now the hotel in {place} says it's not with them

d|स्नान को गए थे, {place} की पार्किंग से हमारी टाटा सूमो गायब है, {veh}
h|snan ke liye gaye the, parking se tata sumo gayab, {veh}, {place}
e|we went for a holy dip, our Tata Sumo {veh} is missing from the parking at {place}

d|मेरा ट्रैक्टर किसी ने फर्जी कागज बनाकर दूसरे राज्य में बेच दिया, ट्रैक्टर चोरी हुआ था
h|mera chori hua tractor fake papers bana ke dusre state me bech diya gaya, {veh}
e|my stolen tractor {veh} has been sold in another state on forged papers, I saw the listing online

d|रात में गैराज का ताला तोड़कर {n} बाइक चोरी कर ली गईं
h|garage ka tala tod ke {n} bikes chori ho gayi raat me, {place}
e|{n} motorcycles stolen from my repair garage in {place} after breaking the lock

d|मेरी बेटी की स्कूटी कॉलेज गेट से चोरी हो गई, बेटी पैदल घर आई
h|beti ki scooty college gate se chori, {veh}, {place}, ghar paidal aayi
e|my daughter's scooty {veh} was stolen at her college gate in {place}
x|scooty chori college gate se {veh}

d|पहाड़ी रास्ते पर खड़ी मेरी टैक्सी रात में चोरी हो गई
h|pahadi raste pe khadi taxi raat me chori, {veh}, {place}
e|my taxi {veh} parked along the hill road near {place} was stolen at night

d|मेरा ऑटो मरम्मत के लिए मिस्त्री के पास था, मिस्त्री कहता है चोरी हो गया
h|mistri ke paas auto repair ko diya tha, ab bolta hai chori ho gaya, {veh}, {place}
e|my auto {veh} was at the mechanic's in {place}, he now claims it got stolen

d|हमारी पानी वाली टैंकर ट्रॉली ट्रैक्टर समेत ले गए
h|paani wala tanker tractor samet le gaye raat me, {veh}, {place}
e|our water tanker was driven off along with the tractor pulling it, {veh}, {place}

d|मेरी बाइक पर नकली नंबर प्लेट लगाकर कोई चला रहा है, बाइक दो महीने पहले चोरी हुई थी
h|2 mahine pehle chori hui meri bike pe nakli number plate laga ke koi chala raha hai, {place} me dekhi
e|I spotted my bike, stolen two months ago, with a fake number plate in {place}
""")

# ==========================================================================
# assault (P2): beating, fights, threats, goons, firing in air after quarrel
# (ongoing + life at risk -> emergency)
# ==========================================================================
DATA["assault"] = dict(train=r"""
d|कल रात पड़ोसियों ने नाली के पानी को लेकर झगड़ा किया और मेरे पिताजी को लाठी से मारा, सिर में टांके लगे हैं
h|kal raat padosiyon ne naali ke paani ko leke jhagda kiya aur papa ko lathi se maara, sar me taanke lage hai, {place}
e|last night our neighbours fought over drain water and hit my father with a stick, he needed stitches. {place}
x|padosi ne papa ko maara kal, {place}

d|{place} में दबंगों ने मेरे भाई को घेरकर पीटा, मोबाइल भी तोड़ दिया, धमकी दी कि फिर दिखा तो जान से मार देंगे
h|{place} me dabango ne bhai ko gher ke peeta, mobile bhi tod diya, bole phir dikha to jaan se maar denge
e|local goons surrounded my brother in {place}, beat him up, broke his phone and said they'd kill him next time
x|dabango ne bhai ko peeta {place}

d|पार्किंग को लेकर बहस हुई तो सामने वाले ने रॉड से मेरी गाड़ी तोड़ दी और मुझे थप्पड़ मारे
h|parking ko leke bahas hui to saamne wale ne rod se gaadi tod di aur mujhe thappad maare, {veh}
e|argued over parking and the other guy smashed my car with a rod and slapped me. his car {veh}

d|दुकान पर उधार मांगने आए लड़कों ने मना करने पर मुझे पीटा और गल्ला फेंक दिया
h|dukaan pe udhaar maangne aaye ladke, mana kiya to mujhe peeta aur galla phenk diya, {place}
e|some boys wanted goods on credit, when I refused they beat me up and threw my cash box around. {place}

d|गांव के दबंग ने झगड़े के बाद रात में दरवाजे पर आकर हवाई फायरिंग की और धमकी दी
h|gaon ke dabang ne jhagde ke baad raat ko darwaze pe aa ke hawai firing ki aur dhamki di, {place}
e|after a quarrel, the village strongman came to our door last night, fired in the air and threatened us. {place}

d|कॉलेज में सीनियर्स ने रैगिंग के नाम पर मेरे बेटे को कमरे में बंद करके पीटा
h|college me seniors ne ragging ke naam pe bete ko kamre me band karke peeta, {place}
e|seniors at my son's college in {place} locked him in a room and beat him in the name of ragging

d|टोल प्लाजा के कर्मचारियों ने पर्ची को लेकर बहस में मेरे ड्राइवर को बुरी तरह मारा
h|toll plaza wale staff ne parchi ko leke bahas me driver ko buri tarah maara, video hai
e|toll plaza staff beat up my driver after an argument over the receipt. we have video

d|मेरे ऊपर जानलेवा हमला हुआ था, {date} को, हमलावर अब खुले घूम रहे हैं और धमका रहे हैं
h|{date} ko mujh pe hamla hua tha, hamlavar khule ghoom rahe hai aur ab phir dhamka rahe hai, {place}
e|I was attacked on {date}, the attackers are roaming free in {place} and threatening me again

d|क्रिकेट खेलते समय विवाद हुआ, दूसरे मोहल्ले के लड़कों ने बल्ले से मेरे बेटे का हाथ तोड़ दिया
h|cricket khelte time jhagda hua, dusre mohalle ke ladko ne balle se bete ka haath tod diya, {place}
e|a dispute during a cricket match and boys from the next colony broke my son's arm with a bat. {place}

d|बिजली का बिल मांगने गए लाइनमैन को गांव वालों ने पीटा
h|bill vasooli ke liye gaya to gaon walo ne mujhe peeta, main lineman hu, {place}
e|I'm a lineman; villagers in {place} beat me up when I went to collect pending bills

d|रिश्तेदारों ने जमीन के हिस्से की बात पर मेरे चाचा को डंडों से पीटा, अस्पताल में भर्ती हैं
h|rishtedaro ne hisse ki baat pe chacha ko dando se peeta, hospital me bharti hai, {place}
e|relatives beat my uncle with sticks over a share in family property, he's admitted in hospital. {place}

d|शराब के नशे में कुछ लोगों ने मेरे ढाबे पर खाना खाया और पैसे मांगने पर मारपीट की
h|nashe me kuch logo ne dhabe pe khana khaya aur paise maange to maar peet ki, {place}
e|a group of drunk men ate at my dhaba in {place} and attacked my staff when asked to pay

d|ई-रिक्शा वाले ने किराये को लेकर बहस में मेरे बुजुर्ग पिता को धक्का दिया, वो गिर गए
h|e-rickshaw wale ne kiraye ko leke bahas me papa ko dhakka diya, wo gir gaye, chot lagi, {place}
e|an e-rickshaw driver pushed my elderly father during an argument over fare, he fell and got hurt. {place}

d|पड़ोसी रोज गाली गलौज करता है और कहता है घर से निकाल दूंगा, कल हाथ भी उठाया
h|padosi roz gaali galoch karta hai aur kehta hai ghar se nikal dunga, kal haath bhi uthaya, {place}
e|my neighbour abuses us daily, threatens to throw us out, and yesterday he raised his hand on my mother

d|मेरे बेटे को स्कूल के बाहर {n} लड़कों ने घेरकर मारा, वीडियो बनाकर वायरल कर दिया
h|bete ko school ke bahar {n} ladko ne gher ke maara aur video viral kar diya, {place}
e|{n} boys ganged up on my son outside his school, beat him and circulated the video. {place}

d|वसूली के लिए आए दबंग हर महीने पैसे मांगते हैं, न देने पर दुकान में तोड़फोड़ की
h|dabang har mahine hafta maangte hai, mana kiya to dukaan me todfod ki aur naukar ko maara, {place}
e|goons demand "protection money" every month; when I refused they vandalised my shop and hit my worker. {place}

d|गाड़ी टच होने पर कार वाले ने उतरकर मुझे सड़क पर पीटा, लोग देखते रहे
h|gaadi touch hui to car wale ne utar ke mujhe road pe peeta, log dekhte rahe, {veh}, {place}
e|road rage: a car touched my bike and the driver got out and thrashed me on the road, car {veh}, {place}
x|road rage, car wale ne peeta {veh}

d|हमारी दुकान के बगल वाले दुकानदार ने ग्राहक को लेकर झगड़े में मेरे भाई का सिर फोड़ दिया
h|bagal wale dukandaar ne customer ko leke jhagde me bhai ka sar phod diya, {place}
e|the shopkeeper next door cracked my brother's head open in a fight over a customer. {place}

d|होली पर रंग डालने से मना किया तो लड़कों ने मुझे और मेरे दोस्त को पीटा
h|holi pe rang dalne se mana kiya to ladko ne mujhe aur dost ko peeta, {place}
e|when we refused to be coloured at Holi, a gang of boys beat me and my friend. {place}

d|प्रधानी के चुनाव की रंजिश में विरोधी पक्ष ने मेरे भाई पर हमला किया, पैर में फ्रैक्चर है
h|pradhani chunav ki ranjish me virodhi paksh ne bhai pe hamla kiya, pair me fracture hai, {place}
e|over a village election rivalry, the other side attacked my brother, his leg is fractured. {place}

d|मकान मालिक ने किराया देर से देने पर मेरे साथ मारपीट की और सामान बाहर फेंक दिया
h|makaan malik ne kiraya late hone pe marpeet ki aur saaman bahar phenk diya, {place}
e|my landlord assaulted me and threw my belongings out because the rent was a few days late. {place}

d|जिम में एक लड़के ने बिना बात के मुझे मुक्के मारे, नाक से खून निकला
h|gym me ek ladke ne bina baat ke mukke maare, naak se khoon nikla, {place}
e|a guy at the gym punched me for no reason, my nose was bleeding. {place}

d|मेरी बहन की शादी टूटने पर लड़के वालों ने घर आकर पिताजी को मारा
h|behen ka rishta toota to ladke wale ghar aa ke papa ko maar gaye, {place}
e|after my sister's engagement was called off, the groom's family came home and beat my father. {place}

d|मोहल्ले के दबंग ने मुझे धमकी दी है कि गवाही दी तो घर जला देगा
h|mohalle ke dabang ne dhamki di hai ki gawahi di to ghar jala dega, {place}
e|a local bully has threatened to burn my house down if I testify in court. {place}

d|फोन पर कोई रोज जान से मारने की धमकी दे रहा है, नंबर {phone}
h|koi roz phone pe jaan se maarne ki dhamki de raha hai, number {phone}, kuch nahi bata raha kaun hai
e|someone keeps calling me with death threats from {phone}
x|jaan se maarne ki dhamki {phone}

d|सब्जी मंडी में ठेले की जगह को लेकर कुछ लोगों ने मेरे पिता को पीट दिया
h|mandi me thele ki jagah ko leke logo ne papa ko peet diya, {place}
e|men at the vegetable market beat my father over the spot for his cart. {place}

d|बारात में डीजे पर नाचने को लेकर झगड़ा हुआ और बारातियों ने हमारे लोगों को पीटा
h|baraat me DJ pe naachne ko leke jhagda hua aur baratiyon ne hamare logo ko peeta, {n} ghayal
e|a fight over dancing at the DJ turned violent at a wedding, the groom's side beat our people, {n} injured

d|अस्पताल में इलाज में देरी पर मरीज के परिजनों ने डॉक्टर के साथ मारपीट की
h|hospital me mareez ke parijano ne doctor ke saath marpeet ki, {place}, staff dara hua hai
e|relatives of a patient assaulted a doctor at the hospital in {place}, staff are scared

d|खेत में पशु घुसने पर पड़ोसी किसान ने मेरे भाई पर फरसे से वार किया, हाथ कट गया
h|khet me jaanwar ghusne pe padosi kisan ne bhai pe farse se vaar kiya, haath kat gaya, {place}
e|a neighbouring farmer attacked my brother with an axe over cattle straying into his field, his hand is badly cut. {place}

d|मेरे पति को ऑफिस के साथियों ने पार्टी में पीटा, उनकी आंख में चोट है
h|office walo ne party me pati ko peeta, aankh me chot hai, {place}
e|my husband was beaten up by his colleagues at an office party, he has an eye injury. {place}

d|कैब ड्राइवर ने एसी चलाने को कहने पर मुझे गालियां दीं और धक्का देकर उतार दिया
h|cab driver ko AC on karne bola to gaali di aur dhakka de ke utaar diya, {veh}
e|the cab driver abused and shoved me out of the car because I asked for AC. cab {veh}

d|कर्ज वसूली वाले घर आकर गाली देते हैं और मेरे बेटे को थप्पड़ मारे
h|loan recovery wale ghar aa ke gaali dete hai, bete ko thappad maare, {place}
e|loan recovery agents come home, abuse us and slapped my son. {place}

d|पुरानी रंजिश में गांव के लोगों ने मेरे घर पर पथराव किया, खिड़कियां टूट गईं
h|purani ranjish me gaon walo ne ghar pe pathrav kiya kal raat, khidkiyan toot gayi, {place}
e|over an old enmity, villagers pelted our house with stones last night, windows smashed. {place}

d|डेयरी वाले से दूध के हिसाब पर बहस हुई, उसने और उसके बेटों ने मुझे पीटा
h|doodh ke hisaab pe dairy wale se bahas hui, usne aur uske beton ne mujhe peeta, {place}
e|argued with the dairy owner over the milk account, he and his sons beat me. {place}

d|ट्यूशन से लौटते मेरे बेटे को कुछ लड़कों ने बिना वजह पीटा और उसकी साइकिल तोड़ दी
h|tuition se aate bete ko ladko ne bina wajah peeta aur cycle tod di, {place}
e|boys beat my son on his way back from tuition for no reason and wrecked his bicycle. {place}

d|सिक्योरिटी गार्ड को सोसाइटी के एक निवासी ने गेट न खोलने पर थप्पड़ मारे, वीडियो है
h|society ke ek resident ne guard ko gate late kholne pe thappad maare, video hai, {place}
e|a resident slapped our society's security guard for opening the gate late, it's on video. {place}

d|लोन नहीं चुकाने पर साहूकार के आदमियों ने मेरे पिता को बांधकर पीटा
h|sahukar ke aadmi papa ko baandh ke peet gaye karz ke liye, {place}
e|a moneylender's men tied my father up and beat him over an unpaid loan. {place}

d|जीत के जुलूस में विरोधी गुट के लोगों ने हमारे कार्यकर्ताओं को लाठियों से पीटा
h|victory juloos me virodhi gut ne hamare karyakartao ko lathiyon se peeta, {place}
e|members of a rival group attacked our workers with sticks during a victory procession. {place}

d|मुझे व्हाट्सएप पर धमकी भरे वॉइस नोट भेजे जा रहे हैं कि टांगें तोड़ देंगे
h|whatsapp pe dhamki wale voice notes aa rahe hai ki tangein tod denge, {phone}
e|I'm receiving threatening voice notes on WhatsApp saying they'll break my legs. number {phone}

d|राशन की लाइन में धक्का लगने पर एक आदमी ने मेरी मां को थप्पड़ मार दिया
h|ration ki line me dhakka laga to ek aadmi ne mummy ko thappad maar diya, {place}
e|a man slapped my mother in the ration queue over a push. {place}
x|line me mummy ko thappad maara

d|थाने में रिपोर्ट हो गई है, फिर भी हमलावर गांव में घूमकर दोबारा मारने की धमकी दे रहे हैं
h|report ho gayi hai phir bhi hamlavar gaon me ghoom ke dobara maarne ki dhamki de rahe, {place}
e|a report has been lodged, still the men who beat me are roaming the village threatening to do it again. {place}
""", heldout=r"""
d|मछली के तालाब के ठेके को लेकर दूसरे पक्ष ने मेरे भाई को पीटा
h|talab ke theke ko leke dusre paksh ne bhai ko peeta, {place}, sar me chot
e|the other party beat my brother over the fish pond lease, he has head injuries. {place}

d|ऑटो स्टैंड पर सवारी बैठाने को लेकर दूसरे ड्राइवरों ने मुझे पीटा
h|auto stand pe sawari ko leke dusre drivers ne mujhe peeta, {place}
e|other auto drivers beat me up at the stand over passengers. {place}
x|auto stand pe marpeet hui mere saath

d|पानी भरने की बारी को लेकर हैंडपंप पर झगड़ा हुआ, पड़ोसन के बेटे ने मेरे पति को मारा
h|handpump pe baari ko leke jhagda, padosan ke bete ne pati ko maara, {place}
e|a fight at the handpump over whose turn it was; the neighbour's son hit my husband. {place}

d|बस कंडक्टर ने छुट्टे पैसे मांगने पर मेरे बेटे को बस से धक्का दे दिया
h|conductor ne chhutte paise maange to bete ko bus se dhakka de diya, chot lagi, {place}
e|the bus conductor shoved my son off the bus during an argument over change. {place}

d|कोचिंग के दो गुटों के छात्रों में मारपीट हुई, मेरे भाई का सिर फटा
h|coaching ke do group me marpeet hui, bhai ka sar phata, {place}
e|students from two coaching groups fought and my brother got a head wound. {place}

d|भंडारे में लाइन तोड़ने पर टोकने से कुछ लोगों ने मुझे घूंसे मारे
h|bhandare me line todne pe toka to kuch logo ne ghoose maare, {place}
e|a few men punched me when I objected to them jumping the queue at a community feast. {place}

d|मेरे भाई को नौकरी से निकालने के बाद मालिक के गुंडों ने बकाया वेतन मांगने पर मारा
h|salary maangne gaya to maalik ke gunde bhai ko maar gaye, {place}
e|my brother went to ask for unpaid wages and the owner's goons beat him. {place}

d|ट्रेन में सीट को लेकर झगड़े में कुछ यात्रियों ने मेरे पिता को पीटा
h|train me seat ke jhagde me kuch yatriyo ne papa ko peeta, {place} station pe utre
e|some passengers beat my father in a fight over a seat, they got off at {place}

d|मेरे खेत की मेड़ पर से निकलने से मना किया तो पड़ोसी ने गोली चलाने की धमकी दी, कल हवा में फायर भी किया
h|medh se nikalne se mana kiya to padosi ne kal hawa me fire kiya aur dhamki di, {place}
e|my neighbour fired in the air yesterday and threatened to shoot me after I stopped him crossing my field. {place}

d|डीजे बंद कराने को कहा तो बारातियों ने मेरे भाई को पीट दिया
h|DJ band karne bola to baratiyon ne bhai ko peet diya, {place}
e|asked them to lower the DJ and the baraat guests beat my brother. {place}

d|हमारे मोहल्ले का एक सूदखोर गुंडे भेजकर लोगों को धमकाता है
h|mohalle ka soodkhor gunde bhej ke dhamkata hai, kal mere ghar aaye the, {place}
e|a local moneylender sends goons to threaten people, they came to my house yesterday. {place}

d|नगर निगम के कर्मचारी ने अतिक्रमण हटाने के दौरान मेरे पिता को डंडा मारा
h|atikraman hatane aaye karmchari ne papa ko danda maara, {place}, video bana liya hai
e|a municipal worker hit my father with a stick during an anti-encroachment drive, we have video. {place}

d|पिकनिक पर गए थे, वहां स्थानीय लड़कों ने हमसे झगड़ा करके मारपीट की
h|picnic pe gaye the, wahan ke local ladko ne jhagda karke marpeet ki, {place}
e|we went for a picnic at {place} and local boys picked a fight and beat us up
""")
# ==========================================================================
# missing_person (P2)
# ==========================================================================
DATA["missing_person"] = dict(train=r"""
d|मेरा {cage} साल का बेटा {bname} कल शाम से घर नहीं लौटा, खेलने गया था, नीली टीशर्ट पहने था, {place}
h|mera {cage} saal ka beta {bname} kal shaam se ghar nahi lauta, khelne gaya tha, blue tshirt pehne tha, {place} {city}
e|my {cage} year old son {bname} went out to play yesterday evening and hasn't come back. wearing a blue t-shirt. {place}, {city}
x|beta {bname} ({cage} saal) kal se laapata hai {place} 🙏

d|मेरे दादाजी उम्र {oage} साल सुबह टहलने निकले थे, अब तक नहीं लौटे, उन्हें भूलने की बीमारी है
h|dadaji age {oage} subah walk pe gaye the abhi tak nahi laute, unhe bhoolne ki bimari hai, {place}
e|my grandfather, {oage}, has dementia. he went for a morning walk and hasn't returned. last seen near {place}
x|dadaji laapata hain {place}, age {oage}

d|मेरी बेटी {fname} उम्र {age} साल कॉलेज गई थी, शाम को वापस नहीं आई, फोन भी बंद आ रहा है
h|beti {fname} age {age} college gayi thi, shaam ko wapas nahi aayi, phone bhi switch off hai, {place}
e|my daughter {fname} ({age}) went to college this morning and didn't return, phone switched off since afternoon. {place}

d|{place} मेले में भीड़ में मेरी {cage} साल की बच्ची हाथ छूटकर खो गई है, लाल फ्रॉक पहने है
h|{place} mele me bheed me {cage} saal ki bacchi haath chhoot ke kho gayi, laal frock pehne hai, please announce karwao
e|lost my {cage} year old daughter in the crowd at the fair in {place}, she's in a red frock. please help announce

d|मेरे पति {days} दिन पहले काम के लिए {city} गए थे, तब से कोई संपर्क नहीं है
h|pati {days} din pehle kaam ke liye {city} gaye the, tab se koi contact nahi, phone band
e|my husband left for work in {city} {days} days ago and we haven't heard from him since

d|मेरा भाई मानसिक रूप से कमजोर है, आज सुबह से घर से गायब है, उम्र {age} साल
h|bhai mentally weak hai, aaj subah se ghar se gayab hai, age {age}, {place} ke aas paas hoga
e|my brother is mentally challenged, missing since this morning, {age} years old, probably near {place}
x|bhai ghar se gayab hai subah se

d|हमारी {cage} साल की बेटी स्कूल से घर नहीं पहुंची, स्कूल कह रहा है छुट्टी के बाद निकल गई थी
h|{cage} saal ki beti school se ghar nahi pahuchi, school bol raha chhutti ke baad nikal gayi thi, {place}
e|our {cage} year old didn't reach home from school, the school says she left after dismissal. {place}
x|beti school se nahi aayi 😭 {place}

d|मेरी मां उम्र {oage} साल अस्पताल में दिखाने आई थीं, भीड़ में बिछड़ गईं, उन्हें सुनाई कम देता है
h|mummy age {oage} hospital me dikhane aayi thi, bheed me bichhad gayi, unhe kam sunai deta hai, {place}
e|my {oage} year old mother got separated from us at the hospital in {place}, she's hard of hearing

d|मेरा बेटा पढ़ाई के दबाव में चिट्ठी छोड़कर घर से चला गया है, {city} में कोचिंग करता है
h|beta padhai ke pressure me chitthi chhod ke chala gaya, {city} me coaching karta hai, {age} saal ka hai
e|my son left a note and walked out, says he can't handle exam pressure. he studies in {city}, {age} years old

d|हमारे गांव की {age} साल की लड़की {days} दिन से लापता है, परिवार वाले बहुत परेशान हैं
h|gaon ki {age} saal ki ladki {days} din se laapata hai, parivar pareshan hai, {place}
e|a {age} year old girl from our village in {place} has been missing for {days} days

d|मेरे पापा शराब पीकर कल घर से निकले थे, अभी तक नहीं आए, उम्र {oage} के करीब
h|papa kal daaru pee ke ghar se nikle the, abhi tak nahi aaye, age kareeb 60, {place}
e|my father left home drunk last night and hasn't returned, about 60 years old. {place}

d|गंगा स्नान के लिए आए परिवार का {cage} साल का बच्चा घाट पर बिछड़ गया
h|snan karne aaye the, {cage} saal ka baccha ghat pe bichhad gaya, {place}
e|our {cage} year old got separated from us at the ghat in {place} during the holy dip

d|मेरा भाई ट्रक ड्राइवर है, {days} दिन से उसका फोन बंद है और ट्रक भी नहीं मिल रहा
h|bhai truck driver hai, {days} din se phone band hai aur truck ka bhi pata nahi, {veh}
e|my brother is a truck driver, his phone has been off for {days} days and the truck {veh} is untraceable

d|मेरी सास घर से मंदिर जाने को निकली थीं, शाम तक नहीं लौटीं, उम्र {oage} साल
h|saas ji mandir jaane nikli thi shaam tak nahi lauti, age {oage}, {place}
e|my mother-in-law ({oage}) left for the temple this morning and hasn't come back. {place}

d|हमारी {age} साल की नौकरानी जो गांव से आई थी, दो दिन से गायब है
h|hamari maid jo gaon se aayi thi {age} saal ki, 2 din se gayab hai, uske ghar wale pooch rahe
e|our {age} year old domestic help from the village has been missing for two days, her family is asking

d|ट्रेन से सफर कर रहे मेरे पिताजी {city} स्टेशन के बाद से संपर्क में नहीं हैं
h|papa train se aa rahe the, {city} station ke baad se contact nahi ho raha, phone not reachable
e|my father was travelling by train and has been unreachable since {city} station

d|मेरा {cage} साल का बेटा ट्यूशन गया था, टीचर कह रहे हैं आज आया ही नहीं
h|{cage} saal ka beta tuition gaya tha, teacher bol rahe aaya hi nahi, {place}
e|my {cage} year old left for tuition but the teacher says he never arrived. {place}

d|शादी के घर से मेरा भतीजा गायब हो गया, बहुत ढूंढा, {cage} साल का है
h|shaadi ke ghar se bhatija gayab ho gaya, bahut dhoondha, {cage} saal ka hai, {place}
e|my {cage} year old nephew vanished from the wedding venue in {place}, we've searched everywhere

d|मेरी बहन {fname} {days} दिन से गायब है, उसके फोन की आखिरी लोकेशन {place} थी
h|behen {fname} {days} din se gayab hai, last location {place} thi phone ki
e|my sister {fname} has been missing for {days} days, her phone's last location was {place}
x|behen {fname} {days} din se gayab

d|वृद्धाश्रम से एक बुजुर्ग महिला कल से लापता हैं, उन्हें अपना पता याद नहीं रहता
h|vridhashram se ek buzurg mahila kal se laapata hai, unhe apna pata yaad nahi rehta, {place}
e|an elderly woman from our old age home in {place} has been missing since yesterday, she can't remember her address

d|मेरा पति मजदूरी के लिए दूसरे राज्य गया था, {n} महीने से कोई खबर नहीं
h|pati mazdoori ke liye bahar gaya tha, {n} mahine se koi khabar nahi, thekedar bhi nahi bata raha
e|my husband went to another state for labour work, no news for {n} months, even the contractor won't say

d|मेरी बेटी का रिजल्ट खराब आया तो वो रोते हुए घर से निकल गई, {age} साल की है
h|result kharab aaya to beti rote hue ghar se nikal gayi, {age} saal ki hai, {place}
e|my {age} year old daughter left home crying after her results came out. {place}. please help find her

d|हमारा {cage} साल का बच्चा बोल नहीं पाता, बाजार में खो गया है
h|hamara {cage} saal ka baccha bol nahi pata, {place} market me kho gaya, peeli shirt
e|our {cage} year old son can't speak, he got lost in {place} market, yellow shirt

d|मेरा दोस्त ट्रेकिंग पर गया था, {days} दिन से कोई खबर नहीं
h|dost trekking pe gaya tha {days} din se koi khabar nahi, last msg {place} se aaya tha
e|my friend went trekking and hasn't been heard from in {days} days, last message came from near {place}

d|बेटा ऑनलाइन गेम में किसी से मिलने की बात कर रहा था, आज सुबह से गायब है
h|beta online game me kisi se milne ki baat kar raha tha, aaj subah se gayab hai, {cage} saal
e|my {cage} year old son was chatting with someone from an online game about meeting, he's been missing since morning

d|मेरे नाना जी पेंशन लेने बैंक गए थे, वापस नहीं आए, उम्र {oage} साल
h|nana ji pension lene bank gaye the, wapas nahi aaye, {oage} saal, {place}
e|my grandfather ({oage}) went to the bank for his pension and never came back. {place}

d|मेरी पत्नी अपने दो बच्चों के साथ मायके जाने निकली थी, न मायके पहुंची न घर आई
h|wife 2 baccho ke saath maayke ja rahi thi, na maayke pahuchi na ghar aayi, {days} din ho gaye
e|my wife left with our two kids for her parents' place {days} days ago, never reached there

d|हमारे पड़ोस का {cage} साल का लड़का नहर की तरफ गया था, तब से नहीं मिला
h|padosi ka {cage} saal ka ladka nahar ki taraf gaya tha, tab se nahi mila, {place}
e|our neighbour's {cage} year old boy went towards the canal and hasn't been seen since. {place}

d|रेलवे स्टेशन पर मेरी मां भीड़ में बिछड़ गईं, वो केवल भोजपुरी बोलती हैं
h|station pe mummy bheed me bichhad gayi, sirf bhojpuri bolti hai, {city} station
e|my mother got separated from us at {city} station, she only speaks Bhojpuri

d|मेरा बेटा होस्टल से घर आने के लिए निकला था, {days} दिन हो गए, ना घर आया ना होस्टल में है
h|beta hostel se ghar aane nikla tha, {days} din ho gaye, na ghar aaya na hostel me hai
e|my son left his hostel to come home {days} days ago, he's neither home nor at the hostel

d|मेरी {cage} साल की भांजी पार्क में खेलते समय गायब हो गई
h|{cage} saal ki bhanji park me khelte hue gayab ho gayi, {place}
e|my {cage} year old niece disappeared while playing in the park in {place}

d|हमारे चाचा जी {place} में सत्संग में गए थे, वहां से लौटे नहीं, उम्र {oage} साल
h|chacha ji satsang me gaye the {place}, wahan se laute nahi, {oage} saal ke hai
e|my uncle ({oage}) went to a satsang gathering at {place} and never returned

d|फैक्ट्री में काम करने गया मेरा बेटा दो दिन से नहीं लौटा, फैक्ट्री वाले कुछ नहीं बता रहे
h|factory me kaam pe gaya beta 2 din se nahi lauta, factory wale kuch nahi bata rahe, {place}
e|my son went to work at a factory in {place} two days ago and hasn't returned, the factory won't tell us anything

d|पड़ोसी का लड़का बोला कि मेरी बेटी को किसी लड़के के साथ बस में जाते देखा, तब से फोन बंद है
h|padosi ka ladka bola beti ko kisi ladke ke saath bus me jaate dekha, tab se phone band, {age} saal
e|a neighbour saw my {age} year old daughter boarding a bus with a boy, her phone's been off since

d|मेरे पिताजी डायलिसिस के मरीज हैं, सुबह अकेले अस्पताल निकले थे और गायब हैं
h|papa dialysis patient hai, subah akele hospital nikle the aur ab gayab hai, {place}
e|my father is a dialysis patient, left alone for the hospital this morning and is missing. {place}

d|{place} के अनाथालय से {n} बच्चे रात में गायब हो गए
h|{place} ke anathalay se {n} bacche raat me gayab ho gaye
e|{n} children went missing from the orphanage in {place} overnight

d|मेरी पत्नी सब्जी लेने गई थी, {hours} घंटे हो गए, फोन घर पर ही छोड़ गई
h|wife sabzi lene gayi thi {hours} ghante ho gaye, phone ghar pe hi chhod gayi, {place}
e|my wife went to buy vegetables {hours} hours ago and hasn't come back, left her phone at home. {place}

d|हमारा बेटा फौज की भर्ती देखने गया था, वहां से लौटा नहीं
h|beta army bharti dekhne gaya tha {city}, wahan se lauta nahi, {age} saal
e|my {age} year old son went to an army recruitment rally in {city} and never came back

d|मेरे भाई का मानसिक इलाज चल रहा है, वो बिना बताए बस में बैठ गया
h|bhai ka mental treatment chal raha hai, bina bataye bus me baith gaya, last seen {place} bus stand
e|my brother, under psychiatric treatment, boarded a bus without telling anyone. last seen at {place} bus stand

d|मेरी बेटी सहेली के घर जन्मदिन पार्टी में गई थी, वहां से निकलने के बाद लापता है
h|beti saheli ki birthday party me gayi thi, wahan se nikli uske baad laapata, {place}
e|my daughter left a friend's birthday party in {place} and hasn't been seen since
""", heldout=r"""
d|भंडारे की भीड़ में मेरा {cage} साल का बेटा खो गया, हरी जैकेट पहने है
h|bhandare ki bheed me {cage} saal ka beta kho gaya, hari jacket, {place}
e|my {cage} year old son got lost in the crowd at a community feast in {place}, green jacket
x|bheed me beta kho gaya {place} 😭

d|मेरे पिता जी पहाड़ पर अपने गांव गए थे, {days} दिन से संपर्क नहीं
h|papa pahad pe gaon gaye the, {days} din se contact nahi, {place} ke paas gaon hai
e|my father went to his hill village near {place} and has been out of contact for {days} days

d|मेरी {age} साल की बहन परीक्षा देने गई, परीक्षा केंद्र से वापस नहीं आई
h|behen exam dene gayi thi, centre se wapas nahi aayi, {age} saal, {place}
e|my {age} year old sister went to write her exam at {place} and never came back from the centre

d|मदरसे में पढ़ने वाला मेरा बेटा वहां से भाग गया है, {cage} साल का है
h|madarse se beta bhaag gaya hai, {cage} saal ka hai, {place}
e|my {cage} year old son has run away from his madrasa in {place}

d|ऑटिज्म से पीड़ित मेरा बेटा स्कूल बस से उतरकर कहीं चला गया
h|autism hai bete ko, school bus se utar ke kahin chala gaya, {place}
e|my autistic son got off the school bus and wandered away. {place}

d|मेरी दादी तीर्थ यात्रा के जत्थे से बिछड़ गईं, उम्र {oage} साल
h|dadi teerth yatra ke group se bichhad gayi, age {oage}, {place}
e|my grandmother ({oage}) got separated from her pilgrimage group at {place}

d|मछली पकड़ने गया मेरा भाई रात भर नहीं लौटा
h|bhai machli pakadne gaya tha raat bhar nahi lauta, {place} ke paas nadi
e|my brother went fishing near {place} and hasn't returned all night

d|गांव से शहर नौकरी ढूंढने आई मेरी बेटी {days} दिन से फोन नहीं उठा रही
h|beti naukri dhoondhne shehar aayi thi, {days} din se phone nahi utha rahi, {city}
e|my daughter came to {city} looking for work, hasn't answered the phone in {days} days

d|बारात में आया हमारा रिश्तेदार {oage} साल का, सुबह से नहीं मिल रहा
h|baraat me aaye rishtedaar {oage} saal ke, subah se nahi mil rahe, {place}
e|an elderly relative ({oage}) who came for the wedding in {place} is missing since morning

d|मेरा भाई नशा मुक्ति केंद्र से भाग गया है, घर भी नहीं आया
h|bhai nasha mukti kendra se bhaag gaya, ghar bhi nahi aaya, {place}
e|my brother escaped from a rehab centre in {place} and hasn't come home

d|छठ घाट पर भीड़ में मेरी {cage} साल की बेटी बिछड़ गई
h|chhath ghat pe bheed me {cage} saal ki beti bichhad gayi, {place}
e|my {cage} year old daughter got separated in the crowd at the Chhath ghat in {place}

d|मेरे पति सुबह खेत पर गए थे, शाम तक नहीं लौटे, साइकिल खेत के पास मिली
h|pati subah khet gaye the, shaam tak nahi laute, cycle khet ke paas mili, {place}
e|my husband went to the fields this morning, his bicycle was found there but he's missing. {place}

d|हमारे होटल में काम करने वाला लड़का {days} दिन से लापता है, सामान कमरे में ही है
h|hotel staff ka ladka {days} din se laapata, saaman room me hi hai, {place}
e|a boy who works at our hotel in {place} has been missing for {days} days, his things are still in his room
""")

# ==========================================================================
# domestic_violence (P2): by husband or in-laws, dowry
# ==========================================================================
DATA["domestic_violence"] = dict(train=r"""
d|मेरे पति रोज शराब पीकर मुझे मारते हैं, कल रात बेल्ट से मारा, बच्चे डरे हुए हैं
h|pati roz daaru pee ke maarte hai, kal raat belt se maara, bacche dare hue hai, {place}
e|my husband beats me every night after drinking, last night with a belt. the children are terrified. {place}
x|pati roz maarta hai sir, {place}

d|ससुराल वाले दहेज में {amt} और कार की मांग कर रहे हैं, न देने पर मेरी बेटी को मारते हैं
h|sasural wale dahej me {amt} aur car maang rahe hai, na dene pe beti ko maarte hai, {place}
e|my daughter's in-laws are demanding {amt} and a car as dowry and beat her when we can't pay. {place}
x|dahej ke liye beti ko maarte hain sasural wale

d|पति और सास ने मुझे रात को घर से निकाल दिया, मैं बच्चे के साथ बाहर बैठी हूं
h|pati aur saas ne raat ko ghar se nikal diya, bacche ke saath bahar baithi hu, {place}
e|my husband and mother-in-law threw me out of the house at night, I'm sitting outside with my baby. {place}

d|मेरी बहन की शादी को {n} साल हुए, ससुराल वाले उसे खाना नहीं देते और मायके से बात नहीं करने देते
h|behen ki shaadi ko {n} saal hue, sasural wale khana nahi dete aur maayke se baat nahi karne dete
e|my sister's in-laws starve her and don't let her talk to us, married {n} years ago

d|बेटी पैदा होने पर पति और ससुराल वाले ताने मारते हैं और मारपीट करते हैं
h|beti paida hui to pati aur sasural wale taane maarte hai aur marpeet karte hai, {place}
e|since I gave birth to a girl my husband and his family taunt and beat me. {place}

d|मेरा देवर और जेठ मिलकर मुझे मारते हैं, पति कुछ नहीं बोलते
h|devar aur jeth milke mujhe maarte hai, pati kuch nahi bolte, {place}
e|my husband's brothers beat me and my husband says nothing. {place}

d|पति ने मोबाइल छीन लिया है और कमरे में बंद करके रखते हैं, किसी से मिलने नहीं देते
h|pati ne mobile chheen liya hai aur kamre me band karke rakhte hai, kisi se milne nahi dete
e|my husband has taken away my phone and keeps me locked in a room, doesn't let me meet anyone

d|ससुराल वालों ने कहा कि मायके से {amt} लाओ वरना दूसरी शादी कर देंगे
h|sasural wale bole maayke se {amt} lao warna dusri shaadi kar denge bete ki
e|my in-laws say bring {amt} from your parents or we'll get our son remarried

d|मेरे पति ने गुस्से में मुझ पर गर्म चाय फेंकी, हाथ जल गया है
h|pati ne gusse me mujh pe garam chai phenki, haath jal gaya hai, {place}
e|my husband threw hot tea at me in anger, my hand is burnt. {place}
x|pati ne garam chai phenki mujh pe

d|शादी के {n} महीने बाद से पति शक करता है और बात बात पर हाथ उठाता है
h|shaadi ke {n} mahine baad se pati shak karta hai aur baat baat pe haath uthata hai
e|{n} months into the marriage my husband suspects me of everything and hits me over small things

d|सास ने मेरे सारे गहने अपने पास रख लिए हैं और मांगने पर मारपीट करती है
h|saas ne mere saare gehne apne paas rakh liye hai aur maangne pe marpeet karti hai, {place}
e|my mother-in-law has kept all my jewellery (stridhan) and beats me when I ask for it. {place}

d|मेरी बेटी का फोन आया कि पति ने उसे छत से धक्का देने की कोशिश की, पहले भी मारते रहे हैं
h|beti ka call aaya pati ne chhat se dhakka dene ki koshish ki, pehle bhi maarte rahe hai, {place}
e|my daughter called saying her husband tried to push her off the roof yesterday, he has beaten her before. {place}

d|पति नशा करके बच्चों के सामने मुझे गालियां देता है और मारता है, घर का सारा पैसा उड़ा देता है
h|pati nasha karke baccho ke saamne gaaliyan deta hai aur maarta hai, ghar ka paisa uda deta hai
e|my husband is an addict, abuses and hits me in front of the children and blows all our money

d|ससुराल वालों ने मेरी बहन को मायके भेज दिया और कहा {amt} लेकर ही आना
h|sasural walon ne behen ko maayke bhej diya aur bole {amt} leke hi aana, {city}
e|my sister's in-laws sent her back to us saying come back only with {amt}. {city}

d|मेरे पति ने तीन तलाक बोलकर घर से निकाल दिया
h|pati ne teen talaq bol ke ghar se nikal diya, {place}, 2 chhote bacche hai
e|my husband pronounced triple talaq and threw me out, I have two small kids. {place}
x|teen talaq de ke nikal diya

d|पति विदेश में है, ससुराल वाले मुझसे नौकरानी की तरह काम करवाते हैं और मारते हैं
h|pati bahar hai, sasural wale naukrani ki tarah kaam karwate hai aur maarte bhi hai
e|my husband works abroad; his family treats me like a servant and beats me

d|शादी में कम दहेज लाने पर ससुर रोज ताने देते हैं, पति भी मारपीट करने लगा है
h|kam dahej laane pe sasur roz taane dete hai, pati bhi marpeet karne laga hai, {place}
e|my father-in-law taunts me daily for "too little dowry" and now my husband has started hitting me. {place}

d|मेरे जीजा जी मेरी बहन को पीटते हैं, कल उसकी आंख सूज गई थी
h|jija ji behen ko peette hai, kal uski aankh sooj gayi thi, {place}, hum kuch nahi kar pa rahe
e|my brother-in-law beats my sister, yesterday her eye was swollen shut. {place}

d|ससुराल वालों ने मेरी बहन को घर से भगा दिया और उसका सारा सामान रख लिया, {place}
h|behen ko sasural walo ne bhaga diya aur uska saara saaman bhi rakh liya, {place}
e|my sister's in-laws drove her out and kept all her belongings. {place}

d|गर्भवती होने के बावजूद पति ने पेट पर लात मारी, अस्पताल में हूं
h|pregnant hu phir bhi pati ne pet pe laat maari, hospital me hu, {place}
e|I'm pregnant and my husband kicked me in the stomach, I'm in hospital now. {place}
x|pregnant hu, pati ne maara 😭

d|पति कहता है नौकरी छोड़ो वरना जान से मार दूंगा, मेरी सैलरी भी छीन लेता है
h|pati bolta hai naukri chhodo warna jaan se maar dunga, salary bhi chheen leta hai
e|my husband takes my whole salary and threatens to kill me unless I quit my job

d|मेरी बहू को हमारे बेटे ने पीटा, हम उसे रोक नहीं पा रहे, बहू की सुरक्षा चाहिए
h|hamara beta bahu ko peet-ta hai, hum rok nahi pa rahe, bahu ki suraksha chahiye, {place}
e|our own son beats his wife and we can't stop him. we want protection for our daughter-in-law. {place}

d|ननद और सास मिलकर मुझे प्रताड़ित करती हैं, पति उन्हीं का साथ देता है
h|nanad aur saas milke mujhe pratadit karti hai, pati unhi ka saath deta hai, {place}
e|my sister-in-law and mother-in-law torture me together and my husband takes their side. {place}

d|शादी के बाद पता चला पति की पहले से शादी है, विरोध करने पर मुझे मारा और कमरे में बंद किया
h|shaadi ke baad pata chala pati ki pehle se shaadi hai, virodh kiya to maara aur kamre me band kiya
e|found out after marriage that my husband is already married; when I objected he beat me and locked me up

d|ससुराल वाले मेरी बेटी को मायके नहीं आने दे रहे, फोन पर रोती है कि मारते हैं
h|sasural wale beti ko maayke nahi aane de rahe, phone pe roti hai ki maarte hai, {place}
e|my daughter's in-laws won't let her visit us, she cries on the phone that they beat her. {place}

d|पति ने मेरे नाम की जमीन जबरदस्ती अपने नाम करवाने के लिए मुझे पीटा
h|pati ne meri zameen zabardasti apne naam karwane ke liye mujhe peeta, {place}
e|my husband beat me to force me to sign over my land to him. {place}

d|मेरी भाभी ने बताया कि भैया उसे दहेज के लिए रोज मारते हैं, मेरे मम्मी पापा भी साथ देते हैं
h|bhabhi ne bataya ki bhaiya dahej ke liye roz maarte hai, mummy papa bhi saath dete hai
e|my sister-in-law told me my brother beats her daily for dowry and my parents support him. I want to help her

d|पति ने बच्चों को छीन लिया है और मुझे घर से निकालकर दरवाजा बंद कर दिया
h|pati ne bacche chheen liye aur mujhe ghar se nikal ke darwaza band kar diya, {place}
e|my husband snatched the kids from me and locked me out of the house. {place}

d|ससुराल वालों ने मेरे मायके वालों को धमकी दी है कि बाइक नहीं दी तो बेटी को जला देंगे
h|sasural walo ne dhamki di hai bike nahi di to beti ko jala denge, {place}
e|my daughter's in-laws have threatened to burn her if we don't give them a motorcycle. {place}

d|मेरे पति मुझे पागल साबित करने की कोशिश कर रहे हैं और जबरदस्ती दवाइयां खिलाते हैं
h|pati mujhe pagal sabit karne ki koshish kar rahe hai, zabardasti dawaiyan khilate hai
e|my husband is trying to prove me mentally unstable and forces pills on me

d|सास ने गर्म चिमटे से मेरा हाथ जला दिया, पति ने कहा चुप रहो
h|saas ne garam chimte se haath jala diya, pati bole chup raho, {place}
e|my mother-in-law burned my hand with hot tongs, my husband told me to keep quiet. {place}

d|ससुराल में मुझे खाना नहीं मिलता, {days} दिन से भूखी हूं, किसी तरह फोन मिला है
h|sasural me khana nahi milta, {days} din se bhookhi hu, kisi tarah phone mila hai
e|my in-laws haven't given me food for {days} days, I got hold of a phone somehow

d|पति ने मेरी बेटी को भी मारा जब वो मुझे बचाने आई
h|pati ne beti ko bhi maara jab wo mujhe bachane aayi, {place}
e|my husband hit our daughter too when she tried to protect me. {place}

d|मेरी बहन को ससुराल वाले मायके से पैसे लाने के लिए दबाव बनाते हैं, अब पति ने तलाक की धमकी दी है
h|behen ko sasural wale paise lane ke liye dabav banate hai, ab pati talaq ki dhamki de raha hai
e|my sister's in-laws keep pressuring her to bring money from us, now her husband threatens divorce

d|पति ने मेरे पिता के घर आकर मुझे जबरदस्ती ले जाने की कोशिश की और मारपीट की
h|pati ne mere maayke aa ke zabardasti le jaane ki koshish ki aur marpeet ki, {place}
e|my husband came to my parents' house, tried to drag me back and beat me. {place}

d|पति हर रात शराब पीकर मेरे बूढ़े ससुर को भी पीटता है
h|pati har raat daaru pee ke mere budhe sasur ko bhi peet-ta hai, ghar ka mahaul kharab hai
e|my husband drinks every night and beats his own old father as well as me

d|दहेज के लिए ससुराल वालों ने मेरी बहन को जहर देने की कोशिश की थी, वो बच गई
h|dahej ke liye behen ko zehar dene ki koshish ki thi sasural walo ne, wo bach gayi, {place}
e|my sister's in-laws tried to poison her over dowry, she survived. {place}

d|मेरे पति ने दूसरी औरत को घर में रख लिया है और मुझे मारकर बाहर वाले कमरे में रहने को कहते हैं
h|pati ne dusri aurat ko ghar me rakh liya aur mujhe maar ke bahar wale kamre me rehne bolte hai
e|my husband has brought another woman home and beats me, forcing me to live in the outer room

d|लड़का नहीं होने पर सास ससुर मेरी बेटी को मारते हैं और दूसरी शादी की बात करते हैं
h|beta nahi hua to saas sasur meri beti ko maarte hai aur dusri shaadi ki baat karte hai, {place}
e|my daughter's in-laws beat her for not bearing a son and talk of remarrying their son. {place}

d|शादी को {n} साल हुए, पति गाली और मारपीट करता है, अब मैं और सहन नहीं कर सकती
h|shaadi ko {n} saal hue, pati gaali aur marpeet karta hai, ab aur sahan nahi hota
e|{n} years of marriage, daily abuse and beatings from my husband. I can't take it any more
""", heldout=r"""
d|पति ने मेरा पासपोर्ट और सारे कागज छिपा दिए हैं और मायके जाने पर मारने की धमकी देता है
h|pati ne mera passport aur documents chhupa diye, maayke jaane pe maarne ki dhamki deta hai
e|my husband has hidden my passport and documents and threatens to beat me if I go to my parents

d|ससुराल वाले नई स्कॉर्पियो की मांग कर रहे हैं, बेटी को {days} दिन से कमरे में बंद रखा है
h|sasural wale nayi scorpio maang rahe hai, beti ko {days} din se kamre me band rakha hai, {place}
e|my daughter's in-laws want a new SUV and have kept her locked in a room for {days} days. {place}

d|मेरा बेटा और बेटी मिलकर बहू को मारते हैं, हम बूढ़े कुछ नहीं कर पाते, {place}
h|beta aur beti milke bahu ko maarte hai, hum budhe kuch nahi kar paate, {place}
e|my son and daughter together beat my daughter-in-law, we old people can't stop them. {place}

d|पति ने मेरा सिर दीवार से टकराया, टांके आए हैं, सास ने कहा किसी को मत बताना
h|pati ne sar deewar se takraya, taanke aaye hai, saas boli kisi ko mat batana
e|my husband smashed my head against the wall, I needed stitches; my mother-in-law told me to keep quiet
x|pati ne sar phod diya

d|पति की नौकरी जाने के बाद वो सारा गुस्सा मुझ पर निकालता है और पीटता है
h|pati ki naukri gayi tab se gussa mujh pe nikalta hai aur peet-ta hai, {place}
e|since losing his job my husband takes out all his anger on me with beatings. {place}

d|ससुराल वालों ने मेरी बहन की डिलीवरी के बाद उसे और बच्ची को घर से निकाल दिया
h|delivery ke baad sasural walo ne behen aur bacchi ko ghar se nikal diya, {place}
e|after delivery my sister's in-laws threw her and the newborn girl out of the house. {place}

d|पति मेरी कमाई पर शराब पीता है और मना करने पर बच्चों को भी मारता है
h|pati meri kamai pe daaru peeta hai, mana karo to baccho ko bhi maarta hai
e|my husband drinks away my earnings and hits the kids if I refuse to give him money

d|मेरी ननद का पति उसे पीटता है, वो हमारे घर आ गई है और वो धमकी दे रहा है
h|nanad ka pati use peet-ta hai, wo hamare ghar aa gayi, ab wo dhamki de raha hai, {place}
e|my husband's sister was beaten by her husband, she came to us and now he is threatening all of us. {place}

d|ससुराल वाले कहते हैं सरकारी नौकरी वाले दामाद का दहेज {amt} बनता है, बाकी लाओ
h|sasural wale bolte hai sarkari naukri wale damad ka dahej {amt} banta hai, baaki lao
e|the in-laws say a government-job groom is "worth" {amt} in dowry and keep demanding the balance

d|पति ने गुस्से में मेरे कपड़े और किताबें जला दीं और मुझे मारा
h|pati ne gusse me mere kapde aur kitaben jala di aur mujhe maara, {place}
e|my husband burned my clothes and books in a rage and beat me. {place}

d|सास ससुर मुझे मानसिक रूप से प्रताड़ित करते हैं, कहते हैं कुएं में कूद जा
h|saas sasur mentally torture karte hai, bolte hai kuen me kood ja, {place}
e|my in-laws torment me constantly and tell me to go jump in a well. {place}

d|विदेश में बैठा पति फोन पर तलाक की धमकी देता है और उसके घर वाले मुझे पीटते हैं
h|pati bahar se phone pe talaq ki dhamki deta hai aur ghar wale mujhe peette hai
e|my husband abroad threatens divorce over the phone while his family here beats me

d|मेरी बेटी को ससुराल में बिजली के तार से मारा गया, फोटो भेज रही हूं
h|beti ko sasural me bijli ke taar se maara gaya, photos bhej rahi hu, {place}
e|my daughter was beaten with an electric wire at her in-laws' house, sharing photos. {place}
""")
# ==========================================================================
# land_dispute (P2)
# ==========================================================================
DATA["land_dispute"] = dict(train=r"""
d|मेरे प्लॉट पर दबंगों ने कब्जा कर लिया है और दीवार खड़ी कर दी है, कागज मेरे नाम हैं, {place}
h|mere plot pe dabango ne kabza kar liya hai aur deewar khadi kar di, kagaz mere naam hai, {place} {city}
e|goons have illegally occupied my plot in {place} and built a wall on it, though the papers are in my name
x|plot pe kabza ho gaya {place}

d|पड़ोसी ने मेड़ काटकर मेरे खेत की {n} फीट जमीन अपने खेत में मिला ली
h|padosi ne medh kaat ke mere khet ki {n} feet zameen apne khet me mila li, {place} gaon
e|my neighbour cut the field boundary and merged {n} feet of my land into his. {place} village
x|medh kaat di padosi ne {place}

d|भू माफिया मेरी पुश्तैनी जमीन पर फर्जी कागज बनाकर कब्जा करने की कोशिश कर रहे हैं
h|bhu mafia meri pushtaini zameen pe fake kagaz bana ke kabza karne ki koshish kar rahe hai, {place}
e|the land mafia is trying to grab my ancestral land in {place} using forged documents
x|land mafia kabza kar raha hai {place}

d|मेरे पिता से धोखे से जमीन की रजिस्ट्री करवा ली गई, उन्हें अंगूठा लगवाया और पैसे नहीं दिए
h|papa se dhokhe se zameen ki registry karwa li, angootha lagwaya aur paise nahi diye, {place}
e|my father was tricked into signing a sale deed for our land, they took his thumb print and never paid. {place}

d|{place} में मेरे खाली मकान में किसी ने ताला तोड़कर कब्जा कर लिया है और रहने लगा है
h|{place} me mere khali makaan ka tala tod ke kisi ne kabza kar liya aur rehne laga hai
e|someone broke the lock of my vacant house in {place} and has moved in. illegal occupation
x|khali makaan pe kabza {place}

d|भाइयों के बीच बंटवारे के बाद बड़ा भाई मेरे हिस्से की जमीन पर जबरदस्ती खेती कर रहा है
h|batware ke baad bada bhai mere hisse ki zameen pe zabardasti kheti kar raha hai, {place}
e|after partition my elder brother is forcibly farming the land that came in my share. {place}

d|हमारी गली के रास्ते पर पड़ोसी ने सीढ़ियां बनाकर अतिक्रमण कर लिया है
h|gali ke raste pe padosi ne seedhiyan bana ke atikraman kar liya, gaadi nahi nikalti, {place}
e|our neighbour built steps into the common lane and encroached on it, cars can't pass. {place}

d|कब्रिस्तान की जमीन पर कुछ लोग कब्जा करके दुकानें बना रहे हैं
h|kabristan ki zameen pe kuch log kabza karke dukaane bana rahe hai, {place}
e|some people are grabbing graveyard land in {place} and building shops on it

d|मैंने {year} में प्लॉट खरीदा था, अब बेचने वाला वही प्लॉट किसी और को बेच रहा है
h|{year} me plot liya tha, ab bechne wala wahi plot kisi aur ko bech raha hai, {place}
e|I bought a plot in {place} in {year}, now the seller is selling the same plot to someone else

d|तालाब की सरकारी जमीन पर प्रधान के लोगों ने कब्जा करके खेती शुरू कर दी है
h|talab ki sarkari zameen pe pradhan ke logo ne kabza karke kheti shuru kar di, {place}
e|the village head's men have occupied the government pond land in {place} and started farming

d|किरायेदार {n} साल से किराया नहीं दे रहा और मकान खाली करने से मना कर रहा है, कहता है अब ये मेरा है
h|kirayedar {n} saal se kiraya nahi de raha aur ghar khali nahi kar raha, bolta hai ab ye mera hai
e|my tenant hasn't paid rent for {n} years, refuses to vacate and claims the house is now his. {place}
x|kirayedar ghar khali nahi kar raha, kabza

d|पैमाइश के बाद भी पड़ोसी सीमा का पत्थर उखाड़ देता है और लड़ाई करता है
h|paimaish ke baad bhi padosi boundary ka pathar ukhaad deta hai aur ladai karta hai, {place}
e|even after official measurement my neighbour uproots the boundary stones and picks fights. {place}

d|मेरे मृत पिता के नाम की जमीन चाचा ने फर्जी वसीयत बनाकर अपने नाम करा ली
h|papa ki death ke baad chacha ne fake vasiyat bana ke zameen apne naam kara li, {place}
e|after my father's death my uncle got his land transferred to himself using a forged will. {place}

d|कॉलोनाइजर ने पार्क की जमीन पर प्लॉट काटकर बेच दिए, हम विरोध करते हैं तो धमकाता है
h|colonizer ne park ki zameen pe plot kaat ke bech diye, virodh karo to dhamkata hai, {place}
e|the colonizer has carved plots out of our colony park land in {place} and threatens anyone who objects

d|दबंग मेरे खेत में जाने का रास्ता बंद कर दिए हैं, खेती नहीं कर पा रहे
h|dabango ne khet ka rasta band kar diya hai, kheti nahi kar pa rahe, {place}
e|strongmen have blocked the only path to my field, I can't cultivate. {place}

d|मेरी दुकान का ताला बदलकर मकान मालिक के रिश्तेदार ने कब्जा कर लिया
h|dukaan ka tala badal ke makan malik ke rishtedaar ne kabza kar liya, saaman andar hai, {place}
e|the landlord's relative changed the lock on my rented shop and took it over with my goods inside. {place}

d|हमारी जमीन पर बिल्डर ने बिना अनुमति के सड़क बना दी और अब कब्जा छोड़ नहीं रहा
h|builder ne hamari zameen pe bina permission road bana di, ab kabza chhod nahi raha, {place}
e|a builder laid a road across our land without permission in {place} and won't give it back

d|विधवा मां की जमीन पर गांव के लोग जबरन कब्जा कर रहे हैं, हम अकेले हैं
h|vidhwa maa ki zameen pe gaon ke log zabardasti kabza kar rahe hai, hum akele hai, {place}
e|villagers are forcibly occupying my widowed mother's land in {place}, we have no one to help

d|सरकारी नाले पर कब्जा करके पड़ोसी ने कमरा बना लिया, पानी हमारे घर में भरता है
h|padosi ne sarkari naale pe kabza karke kamra bana liya, paani hamare ghar me bharta hai, {place}
e|our neighbour built a room over the public drain, now water floods into our house. {place}

d|जमीन का सौदा करके {amt} बयाना लिया, अब न रजिस्ट्री कर रहा न पैसे लौटा रहा
h|zameen ka sauda karke {amt} bayana liya, ab na registry kar raha na paise lauta raha, {place}
e|the seller took {amt} advance for a land deal and now neither registers the sale nor refunds. {place}

d|मेरी जमीन पर रात में कुछ लोग आकर नींव खोद गए और बोले अब ये हमारी है
h|raat me kuch log aa ke meri zameen pe neev khod gaye aur bole ab ye hamari hai, {place}
e|some men came at night, dug foundations on my land and announced it's theirs now. {place}

d|मंदिर की जमीन पर पुजारी के परिवार ने कब्जा करके घर बना लिया है
h|mandir ki zameen pe pujari ke parivar ne kabza karke ghar bana liya, {place}
e|the priest's family has built a house on temple trust land in {place}

d|मेरे हिस्से के मकान में भाई ने दीवार खड़ी करके मुझे अंदर आने से रोक दिया
h|bhai ne mere hisse ke makaan me deewar khadi karke mujhe andar aane se rok diya, {place}
e|my brother built a wall inside our family home and blocked me from my own share. {place}

d|चकबंदी के बाद भी पुराना मालिक मेरे चक पर हल चला रहा है
h|chakbandi ke baad bhi purana malik mere chak pe hal chala raha hai, {place}
e|even after consolidation the old owner keeps ploughing the plot allotted to me. {place}

d|गांव के दबंग ने मेरे खेत में खड़ी फसल काट ली और कहता है जमीन उसकी है
h|dabang ne mere khet ki khadi fasal kaat li, bolta hai zameen uski hai, {place}
e|the village strongman harvested the standing crop on my land claiming the land is his. {place}

d|सोसाइटी के बिल्डर ने हमारा पार्किंग एरिया किसी और को बेच दिया
h|builder ne hamara parking area kisi aur ko bech diya, registry hamare paas hai, {place}
e|our builder in {place} sold our allotted parking space to someone else even though it's in our registry

d|प्रॉपर्टी डीलर ने एक ही प्लॉट तीन लोगों को बेच दिया, अब सब लड़ रहे हैं
h|property dealer ne ek hi plot teen logo ko bech diya, ab sab lad rahe hai, {place}
e|a property dealer sold the same plot to three buyers, now we're all fighting over it. {place}

d|मेरी जमीन पर पड़ोसी ने ट्यूबवेल लगा लिया और मना करने पर गाली गलौज करता है
h|padosi ne meri zameen pe tubewell laga liya, mana karo to gaali galoch karta hai, {place}
e|my neighbour has installed a tubewell on my land and abuses me when I object. {place}

d|ग्राम समाज की चरागाह की जमीन पर कुछ लोगों ने कब्जा कर ईंट भट्ठा लगा दिया
h|gram samaj ki charagah zameen pe kabza karke eent bhatta laga diya, {place}
e|some people have set up a brick kiln on village common grazing land in {place}

d|मेरे मकान के सामने की सरकारी जमीन पर पड़ोसी ने टीन शेड डालकर कब्जा कर लिया
h|ghar ke saamne sarkari zameen pe padosi ne tin shed daal ke kabza kar liya, {place}
e|my neighbour put up a tin shed and occupied the government land in front of my house. {place}

d|विदेश में रहता हूं, मेरे {city} वाले प्लॉट पर किसी ने कब्जा कर मकान बना लिया
h|abroad rehta hu, mere {city} wale plot pe kisi ne kabza karke makaan bana liya
e|I live abroad; someone has occupied my plot in {city} and built a house on it

d|पुश्तैनी जमीन में बहनों का हिस्सा भाई नहीं दे रहा और धमकी देता है
h|pushtaini zameen me behno ka hissa bhai nahi de raha aur dhamki deta hai, {place}
e|our brother refuses to give us sisters our share of ancestral land and threatens us. {place}

d|दबंग मेरे ऊपर दबाव डाल रहे हैं कि जमीन सस्ते में उन्हें बेच दूं, नहीं तो कब्जा कर लेंगे
h|dabang dabav daal rahe hai ki zameen saste me unhe bech du warna kabza kar lenge, {place}
e|strongmen are pressuring me to sell my land to them cheap or they'll grab it. {place}

d|कब्जा हटाने के आदेश के बाद भी विपक्षी मेरी जमीन खाली नहीं कर रहा
h|court ke order ke baad bhi vipakshi zameen khali nahi kar raha, {place}
e|despite a court order to vacate, the other party won't leave my land. {place}

d|नदी के किनारे की मेरी जमीन पर खनन माफिया ने कब्जा करके बालू निकालना शुरू कर दिया
h|nadi kinare ki meri zameen pe khanan mafia ne kabza karke balu nikalna shuru kar diya, {place}
e|sand mining mafia have taken over my riverside land near {place} and are extracting sand

d|मेरी दुकान के आगे पड़ोसी दुकानदार ने चबूतरा बनाकर जगह घेर ली
h|padosi dukandaar ne meri dukaan ke aage chabutra bana ke jagah gher li, {place}
e|the neighbouring shopkeeper built a platform in front of my shop and grabbed the space. {place}

d|मेरे पति की मौत के बाद देवर ने मकान पर कब्जा कर लिया और मुझे रहने नहीं देता
h|pati ki maut ke baad devar ne makaan pe kabza kar liya aur mujhe rehne nahi deta, {place}
e|after my husband died, his brother occupied our house and won't let me live there. {place}

d|खेत की सीमा पर पड़ोसी रोज झगड़ता है, तारबंदी उखाड़ दी
h|khet ki boundary pe padosi roz jhagadta hai, taarbandi ukhaad di, {place}
e|my neighbour keeps fighting over the field boundary and tore down my wire fencing. {place}

d|बिना मेरी जानकारी के मेरे प्लॉट का बैनामा किसी और के नाम हो गया है
h|bina meri jaankari ke mere plot ka bainama kisi aur ke naam ho gaya, {place}
e|my plot in {place} has been registered in someone else's name without my knowledge

d|पुलिस ने कहा ये जमीन का मामला है, तहसील जाओ, पर दबंग रोज मेरे खेत पर कब्जा बढ़ा रहे हैं
h|dabang roz mere khet pe kabza badha rahe hai, {place}, tehsil me paimaish ki arzi di hai, pls help
e|goons are extending their encroachment onto my field in {place} a little more every day; I've applied for measurement at the tehsil

d|मेरे मकान की छत पर पड़ोसी ने अपनी पानी की टंकी रख दी और सीढ़ी बना ली
h|padosi ne meri chhat pe apni paani ki tanki rakh di aur seedhi bana li, {place}, kabza kar raha hai
e|my neighbour put his water tank on my roof and built stairs to it, he's taking over. {place}

d|किसी ने मेरे प्लॉट पर रातों रात बोर्ड लगा दिया है कि यह जमीन बिकाऊ है
h|mere plot pe raaton raat kisi ne board laga diya ki ye zameen bikau hai, number {phone}
e|someone put up a "land for sale" board on my plot overnight with number {phone}. {place}

d|गांव की सार्वजनिक रास्ते की जमीन पर प्रधान के रिश्तेदार ने मकान बना लिया
h|gaon ke aam raste pe pradhan ke rishtedaar ne makaan bana liya, {place}, ab rasta hi nahi
e|the village head's relative built a house on the village's common pathway in {place}

d|एक भू माफिया गिरोह फर्जी मालिक खड़ा करके मेरे पिता की जमीन बेचने की कोशिश कर रहा है
h|land mafia fake malik khada karke papa ki zameen bechne ki koshish kar raha hai, {place}
e|a land mafia gang produced an impostor "owner" to sell my father's land in {place}
""", heldout=r"""
d|बाग के आम के पेड़ों वाली जमीन पर पड़ोसी ने कब्जा कर पेड़ कटवा दिए
h|bagh ki zameen pe padosi ne kabza karke aam ke ped katwa diye, {place}
e|my neighbour grabbed my mango orchard land in {place} and had the trees felled

d|धर्मशाला की जमीन पर ट्रस्टी के बेटे ने कब्जा कर होटल खोल दिया
h|dharamshala ki zameen pe trustee ke bete ne kabza karke hotel khol diya, {place}
e|a trustee's son took over the dharamshala land in {place} and opened a hotel

d|मेरे खेत तक जाने वाली नहर की पटरी पर पड़ोसी ने कब्जा कर लिया
h|nahar ki patri pe padosi ne kabza kar liya, khet tak nahi ja pate, {place}
e|my neighbour occupied the canal bank path that leads to my field. {place}
x|patri pe kabza {place}

d|भाई ने पिता से दबाव डालकर पूरी जमीन का दान पत्र अपने नाम लिखवा लिया
h|bhai ne papa pe dabav daal ke poori zameen ka daan patra apne naam likhwa liya, {place}
e|my brother coerced our father into gifting him all the family land. {place}

d|हमारी जमीन पर मोबाइल टावर कंपनी ने बिना अनुमति टावर लगाना शुरू कर दिया
h|bina permission hamari zameen pe tower lagana shuru kar diya kisi ne, {place}
e|someone has started erecting a mobile tower on our land in {place} without any consent

d|पहाड़ पर मेरी जमीन पर बाहरी लोगों ने फर्जी सौदा करके रिसॉर्ट बनाना शुरू कर दिया
h|pahad pe meri zameen pe bahari logo ne fake sauda karke resort banana shuru kar diya, {place}
e|outsiders are building a resort on my hill land near {place} using a fake sale agreement

d|स्कूल की खेल की जमीन पर गांव के दबंग ने कब्जा कर पशुओं का बाड़ा बना लिया
h|school ke khel maidan pe dabang ne kabza karke pashuon ka baada bana liya, {place}
e|a local strongman has turned the school playground in {place} into his cattle pen

d|साझे कुएं को पड़ोसी ने पाटकर अपने घर में मिला लिया
h|sanjhe kuen ko padosi ne paat ke apne ghar me mila liya, {place}
e|my neighbour filled up our shared well and merged it into his house. {place}

d|सौतेली मां ने पिता की मौत के बाद मकान से हमें बेदखल कर दिया और ताला लगा दिया
h|sauteli maa ne papa ki death ke baad makaan se humein nikal diya aur tala laga diya, {place}
e|after our father died, our stepmother locked us out of the family house in {place}

d|बंजर बताकर मेरी जमीन का पट्टा किसी और के नाम कर दिया गया
h|banjar bata ke meri zameen ka patta kisi aur ke naam kar diya, {place}
e|my land was shown as barren and leased out to someone else. {place}

d|रिटायर फौजी हूं, मेरे प्लॉट की चारदीवारी तोड़कर पड़ोसी ने कब्जा किया
h|retired fauji hu, plot ki boundary tod ke padosi ne kabza kar liya, {place}
e|I'm a retired soldier; my neighbour broke my plot's boundary wall and took it over. {place}

d|मेरी दुकान के पीछे की गली पर मार्केट एसोसिएशन के अध्यक्ष ने गेट लगाकर कब्जा कर लिया
h|market association ke adhyaksh ne peeche ki gali pe gate laga ke kabza kar liya, {place}
e|the market association president has gated off and taken over the lane behind my shop. {place}

d|गांव के मंदिर के पास की सार्वजनिक जमीन पर एक परिवार ने दीवार खड़ी कर ली
h|mandir ke paas ki public zameen pe ek parivar ne deewar khadi kar li, {place}
e|a family has walled off the public land beside the village temple in {place}
""")

# ==========================================================================
# traffic (P3)
# ==========================================================================
DATA["traffic"] = dict(train=r"""
d|{place} चौराहे पर रोज शाम को भयंकर जाम लगता है, कोई ट्रैफिक पुलिस वाला नहीं होता
h|{place} chauraha pe roz shaam ko bhayankar jam lagta hai, koi traffic police wala nahi hota
e|massive jam at {place} crossing every evening, not a single traffic cop in sight
x|{place} me bhayankar jaam 😡

d|{place} का ट्रैफिक सिग्नल {days} दिन से खराब है, गाड़ियां आपस में उलझ रही हैं
h|{place} ka traffic signal {days} din se kharab hai, gaadiyan aapas me ulajh rahi hai
e|the traffic signal at {place} has been dead for {days} days, total chaos at the junction
x|{place} signal kharab 🙄

d|हमारे घर के गेट के सामने रोज लोग गाड़ी खड़ी कर देते हैं, गाड़ी नहीं निकाल पाते
h|ghar ke gate ke saamne roz log gaadi khadi kar dete hai, apni gaadi nahi nikal paate, {place}
e|people park right in front of my gate every day in {place}, I can't get my car out
x|gate ke aage gaadi khadi {veh}

d|ओवरलोड ट्रक दिन में शहर के अंदर घुस रहे हैं, {place} रोड पर बहुत खतरा है
h|overload truck din me shehar ke andar ghus rahe hai, {place} road pe bahut khatra hai
e|overloaded trucks are entering the city during the day, {place} road is a death trap

d|{place} में कुछ लड़के रात को बाइक पर स्टंट करते हैं, तेज रफ्तार से दौड़ाते हैं
h|{place} me ladke raat ko bike pe stunt karte hai, tez raftar se daudate hai, kabhi bhi accident hoga
e|youngsters do bike stunts and race at night on {place} road, an accident waiting to happen
x|bike stunt wale {place} road pe

d|स्कूल की छुट्टी के समय {place} स्कूल के बाहर गाड़ियों से पूरा रास्ता जाम हो जाता है
h|school chhutti ke time {place} school ke bahar gaadiyon se poora rasta jam ho jata hai
e|every day at school dismissal the road outside {place} school is completely jammed by parents' cars

d|ई-रिक्शा वाले बीच सड़क पर सवारी बैठाते हैं, {place} में हर वक्त जाम रहता है
h|e-rickshaw wale beech road pe sawari bithate hai, {place} me har waqt jam rehta hai
e|e-rickshaws stop in the middle of the road to pick up passengers, {place} is permanently jammed
m|e-rickshaw वाले बीच road पर सवारी बैठाते हैं, {place} में हर time jam

d|रॉन्ग साइड से आने वाले वाहनों से {place} फ्लाईओवर के नीचे रोज हादसे का खतरा रहता है
h|wrong side se aane wali gaadiyon se {place} flyover ke neeche roz accident ka khatra
e|vehicles coming wrong side under the {place} flyover, near misses every day

d|ये गाड़ी {veh} रोज हमारी गली में गलत तरीके से खड़ी रहती है, एम्बुलेंस भी नहीं आ सकती
h|ye gaadi {veh} roz hamari gali me galat tarike se khadi rehti hai, ambulance bhi nahi aa sakti
e|this car {veh} is parked in our lane every day blocking it, even an ambulance can't get through. {place}

d|{place} हाईवे पर ट्रक ड्राइवर लापरवाही से गाड़ी चला रहे हैं, डिवाइडर पर लाइट भी नहीं है
h|{place} highway pe truck driver laparwahi se chala rahe hai, divider pe koi reflector nahi
e|trucks driving rashly on the highway near {place}, no reflectors on the divider either

d|बारात के कारण {place} मुख्य सड़क {hours} घंटे से जाम है
h|baraat ki wajah se {place} main road {hours} ghante se jam hai, koi dekhne wala nahi
e|{place} main road blocked for {hours} hours because of a baraat procession

d|फल और सब्जी के ठेले वालों ने {place} की सड़क घेर ली है, दो पहिया भी नहीं निकल पाता
h|thele walo ne {place} ki sadak gher li hai, do pahiya bhi nahi nikal pata
e|vegetable carts have taken over the road at {place}, not even a two-wheeler can pass

d|नाबालिग बच्चे {place} में कार और बाइक चला रहे हैं, तीन-तीन सवारी बिना हेलमेट
h|nabalig bacche {place} me bike chala rahe hai, triple riding bina helmet, rokne wala koi nahi
e|underage kids riding bikes triple without helmets around {place}, nobody checks them

d|{place} रेलवे क्रॉसिंग बंद होते ही दोनों तरफ लंबा जाम लग जाता है, कोई व्यवस्था नहीं
h|{place} railway crossing band hote hi dono taraf lamba jam, koi vyavastha nahi
e|every time the {place} level crossing closes there's a huge jam on both sides, nobody manages it

d|बस वाले {place} बस स्टैंड के बाहर बीच सड़क पर बस खड़ी करके सवारी भरते हैं
h|bus wale {place} bus stand ke bahar beech road pe bus khadi karke sawari bharte hai
e|buses halt in the middle of the road outside {place} bus stand to fill passengers, blocking traffic

d|एक स्कॉर्पियो {veh} हूटर और काली फिल्म लगाकर रोज तेज रफ्तार में घूमती है
h|ek scorpio {veh} hooter aur kaali film laga ke roz tez raftaar me ghoomti hai, {place}
e|a Scorpio {veh} with a hooter and black film zooms around {place} every day

d|{place} मॉल के बाहर लोग सड़क पर गाड़ियां खड़ी कर देते हैं, आधी सड़क बंद हो जाती है
h|{place} mall ke bahar log road pe gaadiyan khadi kar dete hai, aadhi road band
e|cars parked on the road outside {place} mall every weekend, half the road blocked

d|{place} कट पर यू टर्न के कारण रोज जाम, वहां एक ट्रैफिक कर्मी लगाइए
h|{place} cut pe U-turn ki wajah se roz jam, wahan ek traffic constable lagaiye
e|the U-turn cut at {place} causes a jam every day, please post a traffic cop there

d|डंपर वाले रात में तेज स्पीड से चलते हैं, कल एक कुत्ते को कुचल दिया, {place}
h|dumper wale raat me tez speed se chalte hai, kal ek kutte ko kuchal diya, {place}, agla number insaan ka
e|dumpers speed through {place} at night, ran over a dog yesterday. next it'll be a person

d|{place} में शादी के सीजन में सड़क पर ही टेंट लगा देते हैं, रास्ता बंद
h|{place} me shaadi wale road pe hi tent laga dete hai, rasta band, koi permission nahi
e|wedding tents pitched right on the road in {place}, road closed without permission

d|ट्रैफिक पुलिस वाले सिर्फ चालान काटते हैं, {place} पर जाम खुलवाने में कोई मदद नहीं करते
h|traffic wale sirf challan kaatne me lage hai, {place} pe jam khulwane me koi help nahi
e|traffic police at {place} are busy issuing challans while the jam right next to them grows

d|एम्बुलेंस {place} जाम में {mins} मिनट से फंसी है, कृपया रास्ता खुलवाइए
h|ambulance {place} jam me {mins} min se fasi hai, please rasta khulwaiye
e|an ambulance has been stuck in the {place} jam for {mins} minutes, please clear the route
x|ambulance jam me fasi {place}!!

d|{place} के पास नो पार्किंग में कैब वाले लाइन लगाकर खड़े रहते हैं
h|{place} ke paas no parking me cab wale line laga ke khade rehte hai, road sankari ho jaati hai
e|cabs queue in the no-parking zone near {place}, squeezing the road to one lane

d|स्कूल वैन में बच्चों को ठूंस-ठूंस कर भरा जाता है, वैन {veh} बहुत तेज चलती है
h|school van me bacche thoos thoos ke bhare jaate hai, van {veh} bahut tez chalti hai
e|school van {veh} is packed way beyond capacity with kids and driven fast

d|{place} की सड़क पर धरना प्रदर्शन के कारण {hours} घंटे से यातायात ठप है
h|dharna pradarshan ki wajah se {place} road pe {hours} ghante se traffic thap hai
e|traffic on {place} road has been stalled for {hours} hours due to a protest sit-in

d|ट्रैक्टर ट्रॉली में तेज म्यूजिक बजाकर रॉन्ग साइड चलाते हैं, {place} बाईपास
h|tractor trolley wale tez music baja ke wrong side chalate hai, {place} bypass
e|tractor-trolleys blasting music drive on the wrong side of {place} bypass

d|बिना नंबर प्लेट की बाइकें {place} में बेखौफ घूम रही हैं
h|bina number plate ki bikes {place} me bekhauf ghoom rahi hai, koi checking nahi
e|bikes without number plates roam freely in {place}, no checking at all

d|{place} टोल पर लंबी कतार है, फास्टैग लेन में भी गाड़ियां रुकी हुई हैं
h|{place} toll pe lambi line hai, fastag lane bhi jam, {mins} min se khade hai
e|long queue at the toll near {place}, even the FASTag lane is stuck for {mins} minutes

d|{place} मंडी के सामने ट्रक सड़क पर माल उतारते हैं, रोज सुबह जाम लगता है
h|{place} mandi ke saamne truck road pe maal utarte hai, subah jam hi jam
e|trucks unload on the road outside {place} mandi every morning causing a jam

d|सड़क पर गलत दिशा में चलती बसें और ऑटो, {place} चौक पर कोई नियंत्रण नहीं
h|{place} chowk pe koi control nahi, bus auto sab wrong side
e|buses and autos going wrong-way at {place} chowk, no control at all

d|रात को {place} रोड पर लोग हाई बीम जलाकर चलते हैं, सामने कुछ नहीं दिखता
h|raat ko {place} road pe log high beam jala ke chalte hai, saamne kuch nahi dikhta
e|drivers use high beam all night on {place} road, blinding everyone coming the other way

d|{place} में मेट्रो निर्माण के बाद डायवर्जन का कोई बोर्ड नहीं, लोग भटक रहे हैं
h|{place} me construction ke baad diversion ka koi board nahi, log bhatak rahe hai, jam
e|no diversion signs after the construction barricades at {place}, vehicles going in circles

d|कार वाले ने ज़ेबरा क्रॉसिंग पर भी नहीं रोका, बच्चे बाल-बाल बचे, {veh}
h|car wale ne zebra crossing pe bhi nahi roka, bacche baal baal bache, {veh}, {place}
e|car {veh} didn't stop at the zebra crossing near the school at {place}, kids had a narrow escape

d|सड़क किनारे खड़े ट्रकों से {place} में अंधा मोड़ बन गया है, रोज टक्कर होती है
h|road kinare khade truck ki wajah se {place} me blind turn ban gaya hai, roz takkar
e|trucks parked along the curve at {place} have made it a blind turn, collisions every day

d|{place} में ऑटो वाले चौराहे पर ही स्टैंड बना लेते हैं
h|{place} me auto wale chauraha pe hi stand bana lete hai, gaadi mod nahi sakte
e|autos have turned the {place} intersection into their stand, no room to turn

d|शराब पीकर गाड़ी चलाने वाले रात में {place} में बहुत हैं, चेकिंग कराइए
h|daaru pee ke gaadi chalane wale raat me {place} me bahut hai, checking karwaiye
e|lots of drunk driving around {place} at night, please set up checks

d|हाईवे पर {place} के पास गलत तरीके से कट बना दिया गया है, रोज हादसे होते हैं
h|highway pe {place} ke paas illegal cut bana hai, roz accident hote hai
e|an illegal median cut on the highway near {place} is causing accidents daily

d|{place} की सड़क पर कबाड़ वाले अपनी गाड़ियां खड़ी करके रखते हैं
h|kabaad wale apni gaadiyan {place} road pe khadi rakhte hai mahino se
e|scrap dealers have left their vehicles parked on {place} road for months

d|एक बस {veh} का ड्राइवर मोबाइल पर बात करते हुए बस चला रहा था, सवारियों की जान खतरे में
h|bus {veh} ka driver mobile pe baat karte hue bus chala raha tha, sawariyon ki jaan khatre me
e|the driver of bus {veh} was on his phone while driving a full bus

d|{place} में फ्लाईओवर पर बाइक रेसिंग होती है रविवार सुबह
h|har sunday subah {place} flyover pe bike racing hoti hai, bahut khatarnak
e|illegal bike racing on the {place} flyover every Sunday morning
""", heldout=r"""
d|मेले की वजह से {place} में बिना डायवर्जन के रास्ता बंद कर दिया, एम्बुलेंस तक फंसी
h|mele ki wajah se {place} me bina diversion rasta band, ambulance tak fasi
e|roads around {place} closed for the fair without any diversion plan, even ambulances stuck

d|पहाड़ी रास्ते पर पर्यटकों की गाड़ियां सड़क किनारे खड़ी हैं, {place} में घंटों जाम
h|pahadi raste pe tourists ki gaadiyan road kinare khadi, {place} me ghanton jam
e|tourist cars parked along the hill road, hours-long jam near {place}

d|{place} में गन्ने से लदी ट्रॉलियां सड़क पर खड़ी रहती हैं, बिना रिफ्लेक्टर के
h|{place} me ganne ki trolley road pe khadi, bina reflector, raat ko dikhti nahi
e|sugarcane trolleys parked on the road at {place} without reflectors, invisible at night

d|कोचिंग के छात्र {place} में सड़क पर साइकिल और स्कूटी लगाते हैं, जाम लगता है
h|coaching ke students road pe scooty laga dete hai, {place} me jam
e|coaching students park scooters on the road at {place}, causing daily jams

d|{place} रेलवे स्टेशन के बाहर टैक्सी वाले पूरी सड़क घेर लेते हैं
h|{place} station ke bahar taxi wale poori sadak gher lete hai
e|taxis take over the entire road outside {place} station
x|station ke bahar jam hi jam {place}

d|ऊंट गाड़ियां रात में {place} के हाईवे पर बिना लाइट के चलती हैं, दिखती नहीं
h|oont gaadi raat me {place} highway pe bina light chalti hai, dikhti nahi
e|camel carts move on the highway near {place} at night without any lights or reflectors

d|{place} में नया ट्रैफिक सिग्नल लगा है पर टाइमिंग गलत है, एक तरफ {mins} मिनट हरी बत्ती
h|{place} ka signal timing galat hai, ek side {mins} min green, baaki jam
e|the new signal at {place} has wrong timing, one side gets {mins} minutes of green while others jam

d|रेत से भरे ओवरलोड डंपर {place} पुल पर से गुजरते हैं, पुल हिलता है
h|ret se bhare overload dumper {place} pul se guzarte hai, pul hilta hai
e|overloaded sand dumpers cross the {place} bridge all night, the bridge shakes

d|{place} में धार्मिक जुलूस के रूट पर कोई ट्रैफिक प्लान नहीं
h|juloos ke route pe koi traffic plan nahi, {place} me sab fase hai
e|no traffic plan for the procession route through {place}, everyone stuck

d|सवारी ढोने वाली जीपों की छत पर लोग बैठे हैं, {place} रूट पर रोज
h|jeep ki chhat pe sawari baithi hoti hai, {place} route pe roz, koi rokta nahi
e|shared jeeps on the {place} route carry passengers on the roof every day

d|{place} में स्कूल बस स्टॉप पर ही ऑटो वाले खड़े रहते हैं, बच्चों को सड़क पर उतरना पड़ता है
h|school bus stop pe auto wale khade rehte, baccho ko beech road utarna padta hai, {place}
e|autos occupy the school bus stop at {place} so kids have to get off in the middle of the road

d|कार पर फर्जी प्रेस और पुलिस लिखकर लोग {place} में नियम तोड़ रहे हैं, {veh}
h|car pe fake PRESS likh ke {place} me rules tod rahe hai, {veh}
e|car {veh} with a fake PRESS sticker jumps signals around {place}

d|{place} चौराहे पर ट्रैफिक कर्मी मोबाइल में लगे रहते हैं, जाम लगा रहता है
h|{place} chauraha pe traffic wale mobile me lage rehte hai, jam laga rehta
e|traffic staff at {place} crossing stay glued to their phones while the jam builds
""")
# ==========================================================================
# nuisance (P3)
# ==========================================================================
DATA["nuisance"] = dict(train=r"""
d|{place} में रात 12 बजे के बाद भी तेज आवाज में डीजे बज रहा है, बच्चों की परीक्षा है, सो नहीं पा रहे
h|{place} me raat 12 baje ke baad bhi full volume DJ baj raha hai, baccho ke exam hai, so nahi pa rahe
e|loud DJ still blaring after midnight in {place}, kids have board exams tomorrow, nobody can sleep
x|DJ band karwao {place} raat ke 1 baje 🙏

d|गली के नुक्कड़ पर रोज शाम को लड़के बैठकर शराब पीते हैं और गाली गलौज करते हैं
h|gali ke nukkad pe roz shaam ladke baith ke daaru peete hai aur gaali galoch karte hai, {place}
e|every evening a bunch of guys drink openly at the corner of our lane and hurl abuses. {place}
x|nukkad pe daaru party roz

d|{place} के पार्क में दिन भर जुआ खेला जाता है, ताश और पैसे लेकर लोग बैठे रहते हैं
h|{place} ke park me din bhar jua khela jata hai, taash aur paise leke log baithe rehte hai
e|gambling with cards and cash goes on all day in the park at {place}
x|park me jua chal raha {place}

d|मोहल्ले में अवैध शराब की दुकान खुल गई है, रात भर शराबी हंगामा करते हैं
h|mohalle me awaidh sharab ki dukaan khul gayi hai, raat bhar sharabi hungama karte hai, {place}
e|an illegal liquor outlet has opened in our colony, drunks create a ruckus all night. {place}

d|पड़ोस में शादी है, {days} दिन से रात भर लाउडस्पीकर बज रहा है, बुजुर्ग बीमार हैं
h|padosi ke yahan shaadi hai, {days} din se raat bhar loudspeaker baj raha hai, buzurg bimar hai
e|neighbour's wedding: loudspeakers blasting all night for {days} days now, my elderly parents are unwell
x|loudspeaker band karwao plz, 2 baj gaye

d|शराब के ठेके के बाहर शराबी आपस में लड़ते रहते हैं, बोतलें फेंकते हैं, {place}
h|theke ke bahar sharabi aapas me ladte rehte hai, bottlein phenkte hai, {place}
e|drunks outside the liquor shop in {place} keep fighting among themselves and smashing bottles

d|{place} की गली में कुछ लोग रात में तेज म्यूजिक बजाकर कार में बैठकर पार्टी करते हैं
h|{place} ki gali me raat ko log car me tez music baja ke party karte hai, 2 baje tak
e|people park in our lane at {place} and party in their car with loud music till 2 am

d|पड़ोसी रोज रात को छत पर पार्टी करते हैं, शोर शराबा और गाली गलौज
h|padosi roz raat chhat pe party karte hai, shor sharaba aur gaali galoch, {place}
e|neighbours throw loud rooftop parties every night with shouting and abuses. {place}

d|{place} में खाली प्लॉट में शाम को नशेड़ी इकट्ठा होकर स्मैक पीते हैं
h|{place} ke khali plot me shaam ko nashedi ikattha hoke smack peete hai, darr lagta hai
e|addicts gather in the empty plot at {place} every evening to use drugs

d|हमारी सोसाइटी के बगल वाले बैंक्वेट हॉल में रोज रात पटाखे और डीजे
h|society ke bagal wale banquet hall me roz raat patakhe aur DJ, {place}
e|the banquet hall next to our society in {place} has fireworks and DJ every single night

d|कुछ लोग सड़क किनारे बैठकर सट्टा लगवाते हैं, {place} मार्केट में खुलेआम
h|{place} market me khuleaam satta lagwate hai, sab jaante hai
e|illegal betting (satta) runs openly in {place} market

d|{place} में सुबह 4 बजे से ही जागरण का लाउडस्पीकर फुल आवाज पर
h|{place} me subah 4 baje se jagran ka loudspeaker full awaz pe
e|a religious event's loudspeakers at full volume from 4 am in {place}

d|पड़ोसी का कुत्ता रात भर भौंकता है, कहने पर वो झगड़ा करता है
h|padosi ka kutta raat bhar bhaunkta hai, kehne pe jhagda karta hai, {place}
e|my neighbour's dog barks all night, he picks a fight when we say anything. {place}

d|गली में रोज शाम को शराबी आकर पेशाब करते हैं और गंदगी फैलाते हैं
h|gali me roz shaam sharabi aa ke peshab karte hai aur gandagi failate hai, {place}
e|drunks urinate in our lane every evening, the whole place stinks. {place}

d|{place} की दुकान में अवैध रूप से हुक्का बार चल रहा है, रात भर भीड़
h|{place} me ek dukaan me illegal hookah bar chal raha hai, raat bhar bheed
e|an illegal hookah bar is running from a shop in {place}, crowds all night

d|बगल के कमरे में किराएदार लड़के रात भर तेज आवाज में गाने बजाते हैं और चिल्लाते हैं
h|bagal wale kamre me kirayedar ladke raat bhar gaane bajate aur chillate hai, {place}
e|student tenants next door blast music and yell all night. {place}

d|{place} में एक घर में देर रात तक ताश के पत्तों पर जुआ होता है, गाड़ियां आती रहती हैं
h|{place} me ek ghar me der raat tak jua chalta hai, gaadiyan aati rehti hai
e|a house in {place} runs a gambling den till late night, cars coming and going

d|मंदिर के पास शराबी बैठे रहते हैं, महिलाओं का निकलना मुश्किल है, {place}
h|mandir ke paas sharabi baithe rehte hai, mahilaon ka nikalna mushkil, {place}
e|drunks loiter near the temple in {place}, women avoid walking there

d|पास के ढाबे पर रात में तेज संगीत और शराब परोसी जाती है, बिना लाइसेंस
h|paas ke dhabe pe raat ko tez music aur sharab parosi jaati hai bina license, {place}
e|a dhaba near {place} serves liquor without a licence and plays loud music at night

d|त्योहार के नाम पर लड़के सड़क पर पटाखे फोड़ते हैं और आती जाती गाड़ियों पर फेंकते हैं
h|tyohar ke naam pe ladke road pe patakhe phodte hai aur gaadiyon pe phenkte hai, {place}
e|boys burst crackers on the road and throw them at passing vehicles in {place}

d|{place} में रात भर जेनरेटर की आवाज से परेशान हैं, पड़ोसी की फैक्ट्री
h|padosi ki factory ka generator raat bhar chalta hai, {place}, so nahi paate
e|the neighbour's factory generator runs all night in {place}, we can't sleep

d|हर रविवार {place} के मैदान में मुर्गों की लड़ाई और जुआ होता है
h|har sunday {place} ke maidan me murgon ki ladai aur jua hota hai
e|cockfights with betting every Sunday at the ground in {place}

d|शाम को पार्क में कुछ लोग हुक्का और शराब लेकर बैठते हैं, परिवार वाले नहीं जा पाते
h|shaam ko park me log hookah aur sharab leke baithte hai, family wale ja nahi paate, {place}
e|people sit in our park with hookahs and liquor every evening, families can't use it. {place}

d|धार्मिक स्थल का लाउडस्पीकर रात 10 बजे के बाद भी तेज आवाज में चलता है
h|loudspeaker raat 10 baje ke baad bhi tez chalta hai, {place}, niyam ka palan karaye
e|a loudspeaker at a place of worship in {place} plays loudly past 10 pm, please enforce the rules
x|loudspeaker 10 ke baad bhi {place}

d|दो शराबी रोज रात गली में झगड़ा करते हैं, एक दूसरे को गालियां देते हैं
h|do sharabi roz raat gali me jhagda karte hai, ek dusre ko gaaliyan dete hai, {place}
e|two drunks fight and abuse each other in our lane every night. {place}

d|{place} में किराने की दुकान से चोरी छिपे शराब बेची जा रही है
h|{place} me kirane ki dukaan se chori chhupe sharab bech rahe hai
e|a grocery store in {place} is secretly selling liquor

d|पीजी में रहने वाले लड़के सोसाइटी में रात को बाइक के साइलेंसर से पटाखे की आवाज निकालते हैं
h|PG wale ladke raat ko bike ke silencer se patakhe ki awaz nikalte hai, {place}
e|PG boys fire their bike silencers like crackers through our society at night. {place}

d|सार्वजनिक जगह पर रोज दोपहर से शराब का दौर चलता है, {place} बस स्टॉप
h|{place} bus stop pe dopahar se hi daaru ka daur chalta hai
e|daytime drinking at the {place} bus stop has become routine

d|डीजे वाले बारात में रात 1 बजे तक नाचते गाते {place} मोहल्ले में घूम रहे हैं
h|DJ wali baraat raat 1 baje tak {place} mohalle me ghoom rahi hai, shor hi shor
e|a DJ baraat is still roaming around {place} at 1 am

d|{place} में ऑनलाइन लूडो पर पैसे लगाकर जुआ खिलाया जा रहा है, लड़के बर्बाद हो रहे हैं
h|{place} me ek adda hai jahan ludo pe paise laga ke jua hota hai, ladke barbaad ho rahe hai
e|a den in {place} runs betting on ludo games, young boys are getting hooked

d|हमारे घर के पीछे कबाड़ी रात भर लोहा काटता है, आवाज से सोना मुश्किल
h|ghar ke peeche kabadi raat bhar loha kaatta hai, awaz se sona mushkil, {place}
e|a scrap dealer behind our house cuts metal all night, the noise is unbearable. {place}

d|मोहल्ले में कुछ लोग गली में बैठकर गांजा पीते हैं, बच्चों पर बुरा असर
h|mohalle me log gali me baith ke ganja peete hai, baccho pe bura asar, {place}
e|people smoke ganja openly in our lane in {place}, terrible for the kids

d|जन्मदिन पार्टी के नाम पर रात 2 बजे तक पड़ोसी के घर तेज म्यूजिक
h|birthday party ke naam pe raat 2 baje tak padosi ke ghar tez music, {place}
e|neighbour's "birthday party" with loud music till 2 am in {place}

d|{place} के तालाब किनारे रात में शराबियों का अड्डा बन गया है
h|{place} talab kinare raat me sharabiyon ka adda ban gaya hai
e|the pond side in {place} has become a hangout for drunks at night

d|बाइक वाले प्रेशर हॉर्न बजाते हुए गली से गुजरते हैं, बुजुर्ग डर जाते हैं
h|bike wale pressure horn bajate hue gali se guzarte hai, buzurg dar jaate hai, {place}
e|bikers with pressure horns honk through our lane, startling the elderly. {place}

d|{place} में कुछ दुकानदार रात में दुकान के बाहर शराब पिलाते हैं
h|{place} me kuch dukandaar raat ko dukaan ke bahar daaru pilate hai, mahaul kharab
e|some shopkeepers in {place} let people drink outside their shops at night

d|रात में गली में कुछ लोग पत्ते खेलते हैं और शोर करते हैं, मना करने पर हंसते हैं
h|raat ko gali me log patte khelte hai aur shor karte hai, mana karo to haste hai, {place}
e|people play cards and shout in our lane late at night and laugh when asked to stop. {place}

d|{place} में रेस्टोरेंट की छत पर रोज रात लाइव बैंड बजता है, 12 बजे के बाद तक
h|{place} me restaurant ki chhat pe roz raat live band, 12 ke baad tak
e|a rooftop restaurant in {place} has a live band past midnight every night

d|पड़ोसी शराब पीकर रोज रात छत से चिल्लाता है और गालियां देता है
h|padosi daaru pee ke roz raat chhat se chillata hai aur gaaliyan deta hai, {place}
e|my neighbour gets drunk and shouts abuses from his terrace every night. {place}

d|थाने को फोन किया था तो डीजे बंद हुआ पर आधे घंटे बाद फिर से चालू, {place}, रात के 1 बजे
h|DJ ek baar band hua phir aadhe ghante me chalu, {place}, raat ke 1 baje, bacche so nahi pa rahe
e|the DJ stopped once and started again half an hour later, {place}, 1 am, kids can't sleep

d|हमारे फ्लैट के नीचे दुकान वाले ने शराब पीने वालों के लिए कुर्सियां लगा रखी हैं
h|flat ke neeche dukaan wale ne daaru peene walo ke liye kursiyan laga rakhi hai, raat bhar shor, {place}
e|the shop under our flat has set up chairs for drinkers, noise all night. {place}

d|पास के मैदान में रोज रात को ताश और पैसे का खेल होता है, गाली गलौज भी
h|maidan me roz raat taash aur paise ka khel, gaali galoch bhi, {place}
e|nightly card games for money with loud abuses in the ground near {place}

d|बगल वाले घर में हर हफ्ते कीर्तन होता है रात 1 बजे तक, बात करो तो लड़ते हैं
h|bagal wale ghar me har hafte raat 1 baje tak loudspeaker, baat karo to ladte hai, {place}
e|the house next door runs loudspeakers till 1 am every week and fights if we object. {place}

d|{place} के पुल के नीचे नशेड़ी इकट्ठा होकर इंजेक्शन लगाते हैं, राहगीर डरते हैं
h|{place} pul ke neeche nashedi injection lagate hai, log wahan se nikalne me darte hai
e|drug users gather under the {place} bridge to inject, passers-by are scared
""", heldout=r"""
d|{place} में नदी किनारे रेत पर रात को शराब पार्टी और तेज म्यूजिक होता है
h|{place} me nadi kinare raat ko daaru party aur tez music hota hai
e|late-night drinking parties with loud music on the riverbank at {place}

d|होमस्टे में ठहरे पर्यटक रात भर हुड़दंग करते हैं, {place}
h|homestay me ruke tourist raat bhar hudang karte hai, {place}
e|tourists at a homestay in {place} create a ruckus all night

d|{place} में मेले के झूले वाले रात 1 बजे तक लाउडस्पीकर पर गाने बजाते हैं
h|mele ke jhoole wale raat 1 baje tak loudspeaker pe gaane bajate hai, {place}
e|fair ride operators in {place} play songs on loudspeakers till 1 am

d|कोचिंग हॉस्टल के लड़के रात में सड़क पर क्रिकेट खेलते हैं और शोर करते हैं
h|coaching hostel ke ladke raat ko road pe cricket khelte hai aur shor, {place}
e|coaching hostel boys play cricket on the street late at night making noise. {place}

d|{place} में दीवाली के बाद भी जुआ चल रहा है, हर रात एक ही घर में
h|diwali ke baad bhi jua chal raha hai, har raat ek hi ghar me, {place}
e|Diwali is over but the gambling sessions continue every night at one house in {place}

d|ढाबे के पीछे देसी शराब की भट्टी चल रही है, धुआं और शराबी दोनों परेशानी
h|dhabe ke peeche desi sharab ki bhatti chal rahi hai, {place}
e|a country liquor still is running behind a dhaba in {place}, smoke and drunks everywhere

d|{place} में कीर्तन के नाम पर रात भर लाउडस्पीकर, दो दिन से
h|kirtan ke naam pe raat bhar loudspeaker, 2 din se, {place}
e|two nights of loudspeakers all night in the name of kirtan in {place}

d|तांगा स्टैंड पर शराबी रोज हंगामा करते हैं, {place}
h|tanga stand pe sharabi roz hungama karte hai, {place}
e|drunks create a scene every evening at the tonga stand in {place}

d|पड़ोसी के घर में पालतू मुर्गे और बकरियों का शोर और गंदगी, बात करने पर झगड़ता है
h|padosi ke murge aur bakriyon ka shor aur gandagi, baat karo to jhagadta hai, {place}
e|neighbour's roosters and goats make noise and filth, he argues when we complain. {place}

d|बस स्टैंड पर नशेड़ी लोग यात्रियों से पैसे मांगते हैं और तंग करते हैं
h|bus stand pe nashedi log yatriyon se paise maangte hai aur tang karte hai, {place}
e|addicts at the {place} bus stand pester passengers for money

d|{place} में जिम के स्पीकर सुबह 5 बजे से ही फुल वॉल्यूम पर
h|gym ke speakers subah 5 baje se full volume, {place}
e|a gym in {place} blasts music from 5 am
x|gym ka music subah 5 baje se 😤

d|शादी में रात 3 बजे तक ढोल और तेज पटाखे, {place}, सो नहीं पाए
h|shaadi me raat 3 baje tak dhol aur patakhe, {place}, so nahi paaye
e|drums and firecrackers from a wedding in {place} till 3 am

d|{place} के पार्किंग एरिया में रात को कार में बैठकर लोग शराब पीते हैं और बोतलें छोड़ जाते हैं
h|parking me raat ko car me daaru peete hai aur bottle chhod jaate hai, {place}
e|people drink in their cars in the {place} parking lot at night and leave bottles behind
""")
# ==========================================================================
# police_conduct (P2): main grievance is the police themselves
# ==========================================================================
DATA["police_conduct"] = dict(train=r"""
d|मेरी बाइक चोरी हुए {days} दिन हो गए, थाना {ps} में एफआईआर लिखने से मना कर दिया, कहते हैं खुद ढूंढो
h|bike chori hue {days} din ho gaye, {ps} thane me FIR likhne se mana kar diya, bolte hai khud dhoondho
e|it's been {days} days since my bike was stolen and {ps} police station simply refuses to register an FIR
x|{ps} thana FIR nahi likh raha 😡

d|थाना {ps} के दरोगा जी रिपोर्ट लिखने के लिए {amt2} मांग रहे हैं
h|{ps} thane ke daroga ji report likhne ke liye {amt2} maang rahe hai, garib aadmi kahan se de
e|the sub-inspector at {ps} police station is demanding {amt2} just to write my complaint
x|daroga {amt2} maang raha FIR ke

d|मारपीट की शिकायत लेकर {days} दिन से थाने के चक्कर काट रहा हूं, कोई सुनवाई नहीं
h|marpeet ki shikayat leke {days} din se thane ke chakkar kaat raha hu, koi sunwai nahi, {ps}
e|I've been going to {ps} police station for {days} days about an assault, nobody listens

d|थाने के सिपाही ने मुझसे बदतमीजी से बात की और गाली देकर भगा दिया
h|thane ke constable ne badtameezi se baat ki aur gaali de ke bhaga diya, {ps} thana, {date}
e|a constable at {ps} police station was extremely rude, abused me and chased me out
x|{ps} thane me badtameezi hui

d|पुलिस वाले हमारी जगह विपक्षी पार्टी से पैसे लेकर उल्टा हम पर ही केस दर्ज कर रहे हैं
h|police wale vipakshi se paise le ke ulta hum pe hi case darj kar rahe hai, {ps} thana
e|police at {ps} took money from the other side and registered a case against us instead

d|पीआरवी वाले रात में रेहड़ी वालों से वसूली करते हैं, वीडियो मेरे पास है
h|PRV wale raat me rehdi walon se vasooli karte hai, video mere paas hai, {place}
e|the PRV staff collect money from street vendors every night in {place}, I have video proof

d|{n} बार डायल 112 पर कॉल किया, कोई गाड़ी नहीं आई, झगड़ा होता रहा
h|{n} baar 112 pe call kiya koi gaadi nahi aayi, jhagda hota raha, {place}
e|called 112 {n} times during a fight outside my house, no vehicle ever came. {place}
x|112 pe {n} call, koi nahi aaya

d|आईजीआरएस पर शिकायत की थी, बिना जांच किए झूठी रिपोर्ट लगाकर निस्तारित कर दी गई
h|IGRS pe complaint ki thi {cno}, bina jaanch kiye jhoothi report laga ke nistarit kar di
e|my IGRS complaint {cno} was closed with a false report without any inquiry
x|IGRS {cno} farzi nistaran

d|थाना प्रभारी ने कहा समझौता कर लो वरना तुम्हें ही अंदर कर देंगे
h|SHO saab bole samjhauta kar lo warna tumhe hi andar kar denge, {ps} thana
e|the SHO at {ps} told me to compromise or he'd lock me up instead

d|एफआईआर {fir} दर्ज हुए {n} महीने हो गए, विवेचक फोन नहीं उठाते, आरोपी खुले घूम रहे
h|FIR {fir} ko {n} mahine ho gaye, IO phone nahi uthate, aaropi khule ghoom rahe hai
e|FIR {fir} was registered {n} months ago, the investigating officer doesn't take calls and the accused roam free

d|पुलिस वाले बिना वजह मेरे बेटे को थाने में बैठाए हुए हैं, छोड़ने के पैसे मांग रहे हैं
h|police bina wajah bete ko thane me bithaye hue hai, chhodne ke paise maang rahe, {ps}
e|police at {ps} have detained my son without any reason and are asking for money to release him

d|चेकिंग के नाम पर पुलिस वाले ने बिना रसीद {amt2} ले लिए
h|checking ke naam pe police wale ne bina raseed {amt2} le liye, {place} chauraha
e|a cop at the {place} checkpoint took {amt2} from me with no receipt in the name of checking

d|महिला थाने में मेरी शिकायत लेने के बजाय मुझे ही घर वापस जाने की सलाह दी गई
h|mahila thane me complaint lene ke bajaye mujhe hi samjha ke ghar bhej diya
e|at the women's police station they refused my complaint and advised me to go back and adjust

d|बीट कांस्टेबल अवैध शराब वालों से मिला हुआ है, शिकायत करने पर धमकाता है
h|beat constable awaidh sharab walon se mila hua hai, complaint karo to dhamkata hai, {place}
e|our beat constable is hand in glove with the illegal liquor sellers and threatens those who complain. {place}

d|मोबाइल गुम होने की रिपोर्ट लिखवाने गया तो बोले ऑनलाइन करो, ऑनलाइन में सर्वर नहीं चलता, थाने में कोई मदद नहीं करता
h|thane gaya to bole online karo, wahan bhi koi help nahi karta, {ps} thane wale ghuma rahe hai
e|{ps} police station keeps sending me back and forth, "do it online", "come tomorrow". nobody helps

d|पुलिस ने मेरी शिकायत पर आरोपी से पैसे लेकर मामला रफा दफा कर दिया
h|police ne aaropi se paise le ke mamla rafa dafa kar diya, {ps} thana, meri koi nahi sunta
e|police at {ps} took a bribe from the accused and buried my case

d|रात में गश्त वाले पुलिस वालों ने मेरे साथ मारपीट की, मैं ड्यूटी से लौट रहा था
h|raat ko gasht wale police walon ne mere saath marpeet ki, duty se laut raha tha, {place}
e|night patrol cops beat me up while I was returning from my shift. {place}

d|पुलिस ने पासपोर्ट वेरिफिकेशन के लिए {amt2} की मांग की, नहीं दिए तो रिपोर्ट रोक दी
h|passport verification ke liye {amt2} maange, nahi diye to report rok di, {ps} thana
e|the verification constable at {ps} demanded {amt2} for my passport report and is sitting on it since I refused

d|चोरी की एफआईआर को हल्की धारा में दर्ज किया गया, सामान की कीमत कम लिखी
h|chori ki FIR halki dhara me likhi, saaman ki keemat bhi kam likhi, {ps} thane wale
e|{ps} police registered my burglary under a lighter section and wrote a lower value deliberately

d|थाने में तैनात मुंशी शिकायत की रिसीविंग देने से मना करता है
h|thane ka munshi complaint ki receiving dene se mana karta hai, {ps}
e|the munshi at {ps} refuses to give me a receiving copy of my complaint

d|हमारी बेटी के मामले में पुलिस आरोपी के दबाव में है, मेडिकल तक नहीं कराया
h|beti ke case me police aaropi ke dabav me hai, medical tak nahi karaya, {ps} thana
e|in my daughter's case the police at {ps} are under the accused's influence, didn't even get her medical done

d|ट्रैफिक पुलिस वाले ने कागज पूरे होने के बाद भी चालान की धमकी देकर पैसे लिए
h|sab papers the phir bhi traffic wale ne challan ki dhamki de ke paise liye, {place}
e|even with all documents in order, a traffic cop at {place} threatened a challan and took cash

d|दरोगा जी ने मेरी मां से बदसलूकी की, जब वो अपनी शिकायत पूछने गईं
h|daroga ji ne mummy se badsaluki ki jab wo complaint ka status poochne gayi, {ps}
e|the SI at {ps} misbehaved with my mother when she went to ask about her complaint

d|चौकी इंचार्ज जमीन विवाद में दूसरे पक्ष का साथ दे रहे हैं और हमें धमका रहे हैं
h|chowki incharge zameen ke jhagde me dusre paksh ka saath de rahe hai, hume dhamka rahe
e|the outpost in-charge is siding with the other party in our land dispute and threatening us. {place}

d|पुलिस ने मेरा जब्त मोबाइल वापस करने के लिए पैसे मांगे
h|jabt kiya mobile wapas karne ke liye police paise maang rahi hai, {ps} thana
e|police at {ps} want money to return my seized phone

d|साइबर फ्रॉड की शिकायत किए {n} महीने हो गए, साइबर सेल से कोई जवाब नहीं, फोन पर कहते हैं बाद में आओ
h|cyber fraud ki complaint ko {n} mahine ho gaye, cyber cell se koi jawab nahi, bolte baad me aao
e|{n} months since my cyber fraud complaint, the cyber cell keeps saying come later. zero action

d|थाने में महिला शिकायतकर्ता को घंटों बैठाकर रखा गया और पानी तक नहीं पूछा
h|thane me meri behen ko ghanton bithaye rakha, paani tak nahi poocha, {ps}
e|my sister was made to sit at {ps} police station for hours without even water

d|पुलिस वाले ने नशे में ड्यूटी पर मेरे साथ गाली गलौज की
h|police wala nashe me tha duty pe, mere saath gaali galoch ki, {place} chowki
e|a policeman on duty at {place} outpost was drunk and abused me

d|शिकायत करने पर थाने वाले ही आरोपी को मेरा नाम बता देते हैं, अब वो धमका रहे हैं
h|thane walo ne aaropi ko mera naam bata diya, ab wo dhamka rahe hai, {ps}
e|the police at {ps} leaked my name to the accused after my complaint, now I'm being threatened

d|लापता बेटी की गुमशुदगी दर्ज करने में पुलिस {days} दिन टालती रही
h|beti ki gumshudgi darj karne me police {days} din taalti rahi, bole apne aap aa jayegi
e|police at {ps} delayed registering my missing daughter's report for {days} days saying she'll come back on her own

d|पुलिस ने एक्सीडेंट केस में उल्टा मुझ पर ही गलती डाल दी क्योंकि दूसरा पक्ष नेता का रिश्तेदार है
h|accident case me police ne ulta mujh pe galti daal di kyunki dusra paksh neta ka rishtedaar hai
e|in an accident case the police blamed me because the other party is related to a politician

d|मेरी शिकायत पर पुलिस ने जो जांच रिपोर्ट लगाई उसमें मेरे बयान ही गलत लिखे हैं
h|jaanch report me mere bayan hi galat likhe hai, maine aisa kuch kaha hi nahi, {ps}
e|the inquiry report on my complaint misquotes my statement completely. {ps}

d|पुलिस वाले रेहड़ी पटरी वालों का सामान उठाकर ले जाते हैं और छुड़ाने के पैसे लेते हैं
h|police wale rehdi patri walon ka saaman utha le jaate hai aur chhudane ke paise lete hai, {place}
e|cops seize street vendors' goods at {place} and charge money to return them

d|कोर्ट का आदेश होने के बावजूद थाना एफआईआर दर्ज नहीं कर रहा
h|court order ke baad bhi {ps} thana FIR darj nahi kar raha
e|despite a court order under 156(3), {ps} police station won't register the FIR

d|हमारे इलाके में सिपाही हर दुकान से महीना लेता है, नहीं दो तो परेशान करता है
h|sipahi har dukaan se mahina leta hai, na do to pareshan karta hai, {place}
e|a constable collects monthly money from every shop in {place} and harasses those who don't pay

d|पुलिस वालों ने घर में बिना वारंट घुसकर तलाशी ली और सामान तोड़ा
h|police wale bina warrant ghar me ghus ke talashi li aur saaman toda, {place}
e|police entered my house without a warrant, searched it and broke things. {place}

d|डायल 112 वाले मौके पर आए पर झगड़ा करने वालों पर कुछ नहीं किया, चाय पीकर चले गए
h|112 wale aaye par kuch nahi kiya, chai pee ke chale gaye, {place}
e|the 112 team came to {place} but did nothing about the brawlers, had tea and left

d|थाना दिवस में शिकायत दी थी, {n} बार गया, हर बार अगली तारीख
h|thana diwas me complaint di thi, {n} baar gaya, har baar agli tareekh, {ps}
e|complained at thana diwas at {ps}, went {n} times, always "next date"

d|पुलिस ने मेरे नाबालिग भाई को रात भर लॉकअप में रखा और मारा
h|police ne nabalig bhai ko raat bhar lockup me rakha aur maara, {ps} thana
e|police at {ps} kept my minor brother in the lockup overnight and beat him

d|सीओ साहब को शिकायत की तो थाने वाले और ज्यादा परेशान करने लगे
h|CO saab ko complaint ki to thane wale aur zyada pareshan karne lage, {ps}
e|after I complained to the CO, the {ps} station staff started harassing me more

d|महिला सिपाही ने मेरी पत्नी से थाने में अभद्र भाषा में बात की
h|mahila sipahi ne wife se thane me abhadra bhasha me baat ki, {ps}, {date}
e|a lady constable at {ps} spoke to my wife in very abusive language
""", heldout=r"""
d|घायल को अस्पताल ले जाने के बजाय पुलिस वाले वीडियो बनाते रहे और बहस करते रहे
h|ghayal ko hospital le jaane ke bajaye police wale video banate rahe, {place}
e|instead of taking the injured man to hospital, the cops at {place} kept filming and arguing

d|थाने में मेरे पिता का बयान जबरदस्ती बदलवाया गया
h|thane me papa ka bayan zabardasti badalwaya gaya, {ps}
e|my father's statement was changed under pressure at {ps} police station

d|पुलिस वाले ढाबे पर खाना खाते हैं और पैसे नहीं देते, मांगने पर धमकाते हैं
h|police wale dhabe pe khana khate hai paise nahi dete, maango to dhamkate hai, {place}
e|police staff eat at my dhaba in {place} without paying and threaten me if I ask

d|चालान के बदले पुलिसवाले ने यूपीआई पर पैसे अपने निजी नंबर पर मंगवाए
h|challan ki jagah police wale ne UPI pe apne personal number pe paise mangwaye, {place}
e|instead of a challan the cop made me pay him on his personal UPI. {place}

d|एफआईआर में पुलिस ने हमारे बताए आरोपियों के नाम ही हटा दिए
h|FIR me police ne aaropiyon ke naam hi hata diye, {ps}
e|police at {ps} dropped the names of the accused from my FIR

d|जांच अधिकारी ने चार्जशीट लगाने के लिए {amt} की मांग की
h|IO ne chargesheet lagane ke liye {amt} maange, {ps}
e|the investigating officer at {ps} asked for {amt} to file the chargesheet
x|IO chargesheet ke paise maang raha

d|थाने से जमानत के नाम पर दलाल पैसे ले रहा है और पुलिस उसे बढ़ावा दे रही है
h|thane me bail ke naam pe dalal paise le raha hai aur police shah de rahi hai, {ps}
e|a tout at {ps} is collecting money for bail and the station staff are backing him

d|पुलिस वाले ने मेरे बेटे का फोन छीनकर वीडियो डिलीट कर दिया जो उसने रिश्वत लेते हुए बनाया था
h|police wale ne bete ka phone chheen ke video delete kar diya jo rishwat lete hue banaya tha, {place}
e|a policeman snatched my son's phone and deleted the video he'd shot of the cop taking a bribe. {place}

d|हेल्पलाइन पर शिकायत के बाद हल्का दरोगा ने मुझे धमकी दी कि ज्यादा शिकायत की तो केस में फंसा देंगे
h|helpline pe complaint ke baad halka daroga bole zyada complaint ki to case me fasa denge
e|after my helpline complaint the area SI warned me he'd frame me if I kept complaining

d|पुलिस ने मेरे ट्रक को बिना कारण {days} दिन से थाने में खड़ा कर रखा है
h|police ne truck bina wajah {days} din se thane me khada kar rakha hai, {ps}
e|police at {ps} have kept my truck at the station for {days} days without any reason

d|गांव में हुए झगड़े में पुलिस ने सिर्फ एक पक्ष के लोगों को पकड़ा, {place}
h|gaon ke jhagde me police ne sirf ek paksh ke logo ko pakda, {place}
e|after the village clash police arrested only one side's people. {place}. biased action

d|चौकी पर बैठे सिपाही ने शिकायत लेने से पहले मेरा मोबाइल जब्त कर लिया और डांटा
h|chowki pe sipahi ne complaint lene se pehle mobile rakh liya aur daanta, {place}
e|the constable at the {place} outpost took my phone and scolded me before even hearing my complaint

d|पुलिस ने भीड़ को तितर बितर करने में बुजुर्गों पर भी लाठियां चलाईं
h|police ne bheed hatane me buzurgo pe bhi lathi chalayi, {place}, video hai
e|police lathi-charged even elderly people while dispersing a crowd at {place}, we have video
""")
# ==========================================================================
# information (P3): verification, FIR copy, procedures, lost-document report
# ==========================================================================
DATA["information"] = dict(train=r"""
d|पासपोर्ट वेरिफिकेशन के लिए थाने से कब कॉल आएगी, आवेदन किए {days} दिन हो गए
h|passport verification ke liye thane se kab call aayegi, apply kiye {days} din ho gaye
e|how long does police verification for a passport usually take? applied {days} days ago
x|passport verification status kaise check kare?

d|किरायेदार का पुलिस वेरिफिकेशन ऑनलाइन कैसे कराएं, कौन से कागज लगेंगे
h|kirayedar ka police verification online kaise karaye, kaun se documents lagenge
e|how do I get police verification done for my new tenant online? what documents are needed
x|tenant verification link?

d|कैरेक्टर सर्टिफिकेट बनवाने की प्रक्रिया क्या है, नौकरी के लिए चाहिए
h|character certificate banwane ka process kya hai, job ke liye chahiye, {city} se hu
e|what is the process to get a police character certificate for a job application?
x|character certificate kaise banega?

d|मेरा आधार कार्ड कहीं गुम हो गया है, उसकी गुमशुदगी रिपोर्ट कैसे दर्ज करें
h|mera aadhar card kahin gum ho gaya hai, uski report kaise likhwaye online
e|lost my Aadhaar card somewhere, how do I file a lost document report?

d|मोबाइल गुम हो गया है, चोरी नहीं हुआ, कहीं गिर गया, सिम ब्लॉक कराने के लिए रिपोर्ट कहां करें
h|mobile gum ho gaya hai, chori nahi hua kahin gir gaya, sim block ke liye report kahan kare
e|my phone fell somewhere (not stolen), where do I file a lost report so I can get a duplicate SIM?

d|एफआईआर की कॉपी ऑनलाइन कैसे डाउनलोड करें, एफआईआर नंबर {fir} है
h|FIR ki copy online kaise download kare, FIR no {fir}, thana {ps}
e|how can I download a copy of my FIR {fir} online?
x|FIR copy kaise milegi?

d|नौकर का पुलिस वेरिफिकेशन कराना है, थाने जाना होगा या ऑनलाइन हो जाएगा
h|ghar ke naukar ka police verification karwana hai, thane jaana padega ya online ho jayega
e|need to get our domestic help verified by police, is it online or do I visit the station?

d|मेरी शिकायत संख्या {cno} का स्टेटस क्या है, कोई अपडेट नहीं मिला
h|meri complaint no {cno} ka status kya hai, koi update nahi mila abhi tak
e|could you share the status of my complaint no. {cno}?

d|धरना प्रदर्शन की अनुमति के लिए कहां आवेदन करना होता है
h|dharna pradarshan ki permission ke liye kahan apply karna hota hai, {city} me
e|where do we apply for permission to hold a peaceful protest in {city}?

d|शादी में डीजे बजाने के लिए पुलिस से अनुमति लेनी पड़ती है क्या, कैसे मिलेगी
h|shaadi me DJ bajane ke liye police se permission leni padti hai kya, kaise milegi
e|do we need police permission to play a DJ at a wedding? how to apply?

d|वाहन चोरी की ई-एफआईआर कैसे दर्ज करें, वेबसाइट का लिंक भेजिए
h|vahan chori ki e-FIR kaise darj kare, website ka link bhejo please
e|what's the link to file an e-FIR for a stolen vehicle?

d|ई-चालान कैसे चेक करें और ऑनलाइन भुगतान कैसे करें, गाड़ी {veh}
h|e-challan kaise check kare aur online pay kaise kare, gaadi {veh}
e|how do I check pending e-challans on my vehicle {veh} and pay them online?

d|मेरे पिताजी का ड्राइविंग लाइसेंस और पर्स गुम हो गया है, खोया-पाया रिपोर्ट कहां करें
h|papa ka licence aur purse kahin kho gaya, lost report kahan kare, {place}
e|my father lost his wallet with driving licence, where can we file a lost report?

d|पुलिस भर्ती में दस्तावेज सत्यापन कब होगा, कोई सूचना है
h|police bharti me document verification kab hoga, koi update hai kya
e|any update on the document verification date for the constable recruitment?

d|साइबर फ्रॉड होने पर सबसे पहले किस नंबर पर कॉल करें
h|cyber fraud hone pe sabse pehle kis number pe call kare, 1930 sahi hai?
e|which number should one call first after a cyber fraud, is it 1930?
x|cyber fraud helpline number?

d|मेरे खिलाफ कोई केस दर्ज है या नहीं, ये कैसे पता करें, विदेश जाना है
h|mere khilaf koi case darj hai ya nahi kaise pata kare, bahar jaana hai, PCC chahiye
e|how do I get a police clearance certificate (PCC)? need it for a job abroad

d|थाने में जमा मेरा जब्त मोबाइल वापस लेने की क्या प्रक्रिया है
h|thane me jama mera jabt mobile wapas lene ka kya process hai, {ps}
e|what's the procedure to get back my phone that was recovered and is held at {ps} police station?

d|रात में महिलाओं को घर छोड़ने की पुलिस सेवा है क्या, उसका नंबर क्या है
h|raat ko mahilaon ko ghar chhodne wali police service hai kya, uska number kya hai
e|is there a police service to escort women home at night? what's the number?

d|मेरा पासपोर्ट वेरिफिकेशन थाने से आगे भेजा गया या नहीं, फाइल नंबर {cno}
h|passport verification thane se aage gaya ya nahi, file no {cno}, {ps} thana
e|has my passport verification been forwarded from {ps}? file no {cno}

d|गाड़ी चोरी की एफआईआर की कॉपी बीमा कंपनी मांग रही है, कैसे मिलेगी
h|gaadi chori ki FIR copy insurance company maang rahi hai, kaise milegi
e|insurance company needs a copy of my vehicle theft FIR and the final report, how do I get them?

d|प्रॉपर्टी खरीदने से पहले उस पर कोई विवाद है या नहीं, पुलिस से कैसे पता करें
h|plot lene se pehle us pe koi case hai ya nahi, police se kaise pata kare
e|before buying a plot, can I check with police whether there is any dispute on it?

d|हथियार लाइसेंस के लिए आवेदन कहां करें और पुलिस रिपोर्ट कितने दिन में आती है
h|arms licence ke liye kahan apply kare, police report kitne din me aati hai
e|where do I apply for an arms licence and how long does the police report take?

d|मेरा पर्स ऑटो में छूट गया था, किसी ने थाने में जमा किया हो तो कैसे पता करें
h|purse auto me chhoot gaya tha, kisi ne thane me jama kiya ho to kaise pata kare, {place}
e|left my bag in an auto near {place}, how do I check if someone deposited it at a police station?

d|सड़क दुर्घटना में घायल की मदद करने वाले को पुलिस परेशान तो नहीं करेगी, नियम क्या है
h|accident me ghayal ki madad karne wale ko police pareshan to nahi karegi, kya rule hai
e|will police trouble me if I take an accident victim to hospital? what does the Good Samaritan rule say?

d|मेरे बेटे का सामान थाने के मालखाने में है, कोर्ट से रिलीज ऑर्डर मिल गया, अब क्या करें
h|court se release order mil gaya hai, ab malkhane se saaman kaise milega, {ps}
e|I have a court release order, what's the next step to collect the property from the malkhana at {ps}?

d|विदेशी मेहमान हमारे घर ठहरने वाले हैं, क्या पुलिस को सूचना देनी होगी
h|foreigner guest hamare ghar rukne wale hai, police ko inform karna padega kya
e|foreign guests will stay at our home, do we need to inform the police (Form C)?

d|सीसीटीवी फुटेज के लिए पुलिस को आवेदन कैसे दें, मेरे केस में जरूरी है
h|CCTV footage ke liye police ko application kaise de, mere case me zaruri hai
e|how do I request CCTV footage from the police for my case?

d|मेरा एटीएम कार्ड और पैन कार्ड गुम हो गया, क्या पुलिस रिपोर्ट जरूरी है
h|ATM card aur PAN card gum ho gaya, kya police report zaruri hai duplicate ke liye
e|lost my ATM and PAN cards, is a police report required for duplicates?

d|यूपी कॉप ऐप पर शिकायत कैसे करें, ओटीपी नहीं आ रहा
h|UPCOP app pe complaint kaise kare, OTP nahi aa raha
e|how do I register on the UPCOP app? OTP isn't coming

d|गाड़ी बेचने के बाद एनओसी के लिए पुलिस से क्या चाहिए, गाड़ी {veh}
h|gaadi bechne ke baad NOC ke liye police se kya chahiye, {veh}
e|what police NOC is needed when selling a vehicle to another state? {veh}

d|जुलूस निकालने की अनुमति के लिए कितने दिन पहले आवेदन देना होता है
h|juloos nikalne ki permission ke liye kitne din pehle apply karna hota hai
e|how many days in advance should we apply for a procession permit?

d|मेरे पिता का आधार और राशन कार्ड मेले में खो गया, रिपोर्ट की कॉपी कैसे मिलेगी
h|papa ka aadhar aur ration card mele me kho gaya, report ki copy kaise milegi
e|my father lost his Aadhaar and ration card at a fair, how do we get a lost report copy?

d|किसी के खिलाफ शिकायत ईमेल से भी कर सकते हैं क्या, एसपी ऑफिस का ईमेल क्या है
h|complaint email se bhi kar sakte hai kya, SP office ka email id kya hai, {city}
e|can a complaint be emailed? what is the SP office email for {city}?

d|जीरो एफआईआर क्या होती है, दूसरे जिले में घटना हुई तो यहां दर्ज होगी?
h|zero FIR kya hoti hai, dusre district me ghatna hui to yahan darj hogi kya
e|what is a zero FIR? can I file it here if the incident happened in another district?

d|सिक्योरिटी एजेंसी के गार्ड का वेरिफिकेशन कराना है, प्रक्रिया बताएं
h|security guard ka verification karwana hai, process bataye, {city}
e|what's the procedure for police verification of security guards we're hiring?

d|मेरे भाई का केस में गवाही के लिए समन आया है, कहां जाना होगा
h|bhai ko case me gawahi ka summon aaya hai, kahan jaana hoga, kuch samajh nahi aa raha
e|my brother received a witness summons, where and when does he need to appear?

d|लाउडस्पीकर चलाने की अनुमति किस समय तक होती है, नियम क्या है
h|loudspeaker chalane ki permission kis time tak hoti hai, kya rule hai
e|what are the permitted hours for loudspeakers? want to plan our event properly

d|मेरा ड्राइविंग लाइसेंस चेकिंग में जब्त हुआ था, वापस कैसे मिलेगा
h|checking me licence jabt hua tha, wapas kaise milega, {place}
e|my driving licence was seized at a checkpoint in {place}, how do I get it back?

d|पुलिस वेरिफिकेशन रिपोर्ट में मेरा पता गलत चढ़ गया है, सुधार कैसे होगा
h|verification report me address galat chadh gaya, sudhar kaise hoga
e|my police verification report has the wrong address, how do I get it corrected?

d|अपनी गाड़ी की चोरी की रिपोर्ट की अंतिम रिपोर्ट (एफआर) कब तक लगेगी
h|gaadi chori ki final report kab tak lagegi, insurance claim ruka hai
e|when will the final report in my vehicle theft case be filed? my insurance claim is pending on it
""", heldout=r"""
d|होटल में ठहरने वाले मेहमानों की जानकारी पुलिस को कैसे भेजनी होती है, नया होटल खोला है
h|naya hotel khola hai, guest ki jankari police ko kaise bhejni hoti hai
e|we've opened a new hotel, how do we submit guest details to the police?

d|मेरा पासपोर्ट गुम हो गया है, नया बनवाने के लिए पुलिस रिपोर्ट कैसे मिलेगी
h|passport gum ho gaya, naye ke liye police report kaise milegi
e|lost my passport, how do I get a police report to apply for a re-issue?
x|passport kho gaya, report kaise?

d|पीजी चलाने के लिए छात्रों का वेरिफिकेशन अनिवार्य है क्या
h|PG chalate hai, students ka verification compulsory hai kya
e|is police verification of students mandatory for PG owners?

d|पुलिस की नीलामी में जब्त गाड़ियां कहां बिकती हैं, सूचना कहां मिलेगी
h|police auction me jabt gaadiyan kahan bikti hai, info kahan milegi
e|where are auctions of unclaimed police-seized vehicles announced?

d|मेरी आरसी बुक गुम हो गई है, डुप्लीकेट के लिए पुलिस रिपोर्ट का तरीका बताएं
h|RC gum ho gayi hai, duplicate ke liye police report ka tareeka batao
e|lost my vehicle RC, how do I file the police report needed for a duplicate?

d|ड्रोन से शादी की शूटिंग के लिए पुलिस अनुमति चाहिए क्या
h|shaadi me drone shooting ke liye police permission chahiye kya
e|do we need police permission to fly a drone for wedding shoots?

d|आरटीआई से अपनी शिकायत की जांच रिपोर्ट कैसे मांगें
h|RTI se apni complaint ki jaanch report kaise maange
e|how do I request the inquiry report of my complaint through RTI?

d|रात में अकेले सफर करने वाली महिलाओं के लिए कोई हेल्पलाइन या ऐप है
h|raat me akele travel karne wali ladies ke liye koi helpline ya app hai kya
e|is there a helpline or app for women travelling alone at night?

d|कंपनी ज्वाइन करने के लिए पुलिस क्लीयरेंस कितने दिन में मिलेगा
h|company join karne ke liye police clearance kitne din me milega
e|how many days does a police clearance for a new job take?

d|गुम हुए मोबाइल को सीईआईआर पोर्टल पर ब्लॉक कैसे करें
h|gum hua mobile CEIR portal pe block kaise kare, report no kahan se laye
e|how do I block my lost phone on the CEIR portal and where do I get the report number?

d|मेले में स्टॉल लगाने के लिए पुलिस से एनओसी की जरूरत है क्या
h|mele me stall lagane ke liye police NOC chahiye kya
e|do I need a police NOC to set up a stall at the fair?

d|मेरे पिताजी की पिस्टल का लाइसेंस उनके निधन के बाद मेरे नाम कैसे होगा
h|papa ki death ke baad unka arms licence mere naam kaise hoga
e|how is a deceased father's arms licence transferred to the heir?

d|गवाह सुरक्षा योजना क्या है, उसके लिए आवेदन कहां करें
h|witness protection scheme kya hai, apply kahan kare
e|what is the witness protection scheme and how do I apply?
""")

# ==========================================================================
# appreciation (P3)
# ==========================================================================
DATA["appreciation"] = dict(train=r"""
d|{ps} पुलिस को बहुत धन्यवाद, मेरी चोरी हुई बाइक {days} दिन में बरामद कर दी
h|{ps} police ko bahut dhanyavad, meri chori hui bike {days} din me baramad kar di 🙏
e|huge thanks to {ps} police for recovering my stolen bike within {days} days
x|thank u {ps} police 🙏

d|डायल 112 की टीम {mins} मिनट में पहुंच गई, समय रहते मदद मिली, धन्यवाद
h|112 ki team {mins} min me pahuch gayi, time pe help mili, thank you {place} team
e|the 112 team reached within {mins} minutes last night and handled everything. thank you
x|112 team 👏👏 thanks
m|112 की team {mins} minute में पहुंच गई, बहुत-बहुत thank you

d|साइबर सेल ने मेरे फ्रॉड हुए {amt} वापस दिलवा दिए, पुलिस का दिल से आभार
h|cyber cell ne mere fraud hue {amt} wapas dilwa diye, dil se aabhar
e|the cyber cell got my {amt} back from the fraudsters. grateful!
x|paise wapas mil gaye, thanks cyber cell

d|मेले में खोया मेरा बेटा पुलिस ने एक घंटे में ढूंढ दिया, आपका बहुत आभार
h|mele me khoya beta police ne 1 ghante me dhoondh diya, aapka bahut aabhar, {place}
e|police found my lost son at the fair in {place} within an hour. can't thank you enough
x|beta mil gaya, thank you police 🙏

d|रात में रास्ते में गाड़ी खराब हो गई थी, पीआरवी ने घर तक छोड़ा, सलाम
h|raat ko gaadi kharab ho gayi thi, PRV ne ghar tak chhoda, salute {place} police
e|car broke down late at night, the PRV team dropped my family home safely. respect!

d|मेरी शिकायत पर {hours} घंटे में कार्रवाई हुई, मनचले पकड़े गए, धन्यवाद {city} पुलिस
h|complaint pe {hours} ghante me action hua, manchale pakde gaye, thanks {city} police
e|action within {hours} hours on my complaint about eve-teasers. thank you {city} police

d|गुम हुआ मोबाइल सर्विलांस से ढूंढकर लौटाया, थाना {ps} की टीम को धन्यवाद
h|gum hua mobile surveillance se dhoondh ke lautaya, {ps} thana team ko thanks
e|{ps} police traced my lost phone through surveillance and returned it. well done

d|बुजुर्ग मां को अस्पताल पहुंचाने में पुलिस ने मदद की, इंसानियत जिंदा है
h|buzurg maa ko hospital pahuchane me police ne madad ki, insaniyat zinda hai
e|a police team helped rush my elderly mother to hospital. humanity at its best

d|हमारे मोहल्ले का जुआ अड्डा बंद हो गया, पुलिस की तत्परता को नमन
h|mohalle ka jua adda band ho gaya, police ki tatparta ko naman, {place}
e|the gambling den in our locality is finally shut. thank you for acting promptly

d|ट्रैफिक पुलिस ने बारिश में खड़े होकर जाम खुलवाया, सलाम है आपको
h|traffic police ne baarish me khade hoke jam khulwaya, salaam hai aapko, {place}
e|salute to the traffic cops who stood in the rain clearing the jam at {place}
x|salute traffic police 🫡

d|दहेज मामले में पुलिस ने तुरंत कार्रवाई की और मेरी बेटी को सुरक्षित लाए, आभार
h|dahej case me police ne turant action liya aur beti ko surakshit laaye, aabhar
e|police acted swiftly in my daughter's dowry case and brought her home safe. thank you

d|चेन स्नेचर को पकड़ने वाले सिपाही को इनाम मिलना चाहिए, बहुत बहादुरी दिखाई
h|chain snatcher ko pakadne wale sipahi ko inaam milna chahiye, bahut bahaduri dikhayi
e|the constable who chased down the chain snatcher deserves an award. brave work

d|मेरा पर्स ऑटो में छूट गया था, पुलिस ने ऑटो वाले को ढूंढकर लौटवा दिया
h|purse auto me chhoot gaya tha, police ne auto wale ko dhoondh ke lautwa diya, thanks
e|left my purse in an auto, police tracked the driver and got it back to me

d|पासपोर्ट वेरिफिकेशन {days} दिन में हो गया, बिना किसी परेशानी के, धन्यवाद
h|passport verification {days} din me ho gaya bina kisi pareshani ke, thank you {ps}
e|passport verification done in {days} days, smooth and polite. thanks {ps}

d|महिला हेल्पलाइन ने रात में कॉल पर तुरंत मदद भेजी, बहुत सुरक्षित महसूस हुआ
h|women helpline ne raat ko turant help bheji, bahut safe feel hua
e|the women's helpline sent help immediately at night. felt very safe. thank you

d|होली पर शांति व्यवस्था बनाए रखने के लिए पूरी पुलिस टीम को बधाई
h|holi pe shanti vyavastha banaye rakhne ke liye poori police team ko badhai, {city}
e|congratulations to the entire {city} police team for a peaceful Holi

d|थाना {ps} के प्रभारी ने बहुत अच्छे से बात सुनी और समस्या हल की
h|{ps} thana incharge ne bahut achhe se baat suni aur problem solve ki, shukriya
e|the SHO at {ps} listened patiently and resolved our issue. rare and appreciated

d|मेरे पिताजी रास्ता भूल गए थे, पुलिस ने घर पहुंचाया, आजीवन आभारी रहेंगे
h|papa raasta bhool gaye the, police ne ghar pahuchaya, hamesha aabhari rahenge
e|my father with dementia wandered off, police brought him home. forever grateful

d|चोरी का खुलासा कर पूरा सामान बरामद किया, {ps} पुलिस जिंदाबाद
h|chori ka khulasa karke poora saaman baramad kiya, {ps} police zindabad
e|burglary solved and all our stuff recovered. kudos {ps} police

d|कांवड़ यात्रा में पुलिस की व्यवस्था शानदार रही, धन्यवाद
h|kanwar yatra me police ki vyavastha shandar rahi, dhanyavad, {city}
e|excellent arrangements by police during the Kanwar yatra in {city}. thank you

d|सड़क हादसे में घायल को पुलिस वाले ने अपनी गाड़ी से अस्पताल पहुंचाया, सलाम
h|accident me ghayal ko police wale ne apni gaadi se hospital pahuchaya, salaam
e|a cop took an accident victim to hospital in his own vehicle. salute sir

d|आपके ट्वीट का जवाब तुरंत आया और कार्रवाई भी हुई, पहली बार इतनी जल्दी
h|tweet ka reply turant aaya aur action bhi hua, pehli baar itni jaldi 👏
e|got a reply to my tweet within minutes and action the same day. impressed

d|गाड़ी चोरी करने वाला गिरोह पकड़ा, {n} गाड़ियां बरामद, शानदार काम
h|vahan chor giroh pakda, {n} gaadiyan baramad, shandar kaam {city} police
e|vehicle theft gang busted with {n} vehicles recovered, brilliant work {city} police

d|मेरी शिकायत पर डीजे रात 10 बजे बंद करवा दिया गया, धन्यवाद
h|complaint ke baad DJ 10 baje band karwa diya, thanks, ab sukoon se so payenge
e|thanks for getting the loud DJ shut at 10 pm after my complaint

d|परीक्षा के दिन जाम में फंसे छात्र को पुलिस ने बाइक से सेंटर पहुंचाया
h|exam ke din jam me fase student ko police ne bike se centre pahuchaya, salute
e|a cop gave a stuck student a lift to his exam centre. what a gesture

d|पुलिस ने बुजुर्ग अम्मा को खाना खिलाया और घर छोड़ा, दिल खुश हो गया
h|police ne buzurg amma ko khana khilaya aur ghar chhoda, dil khush ho gaya
e|police fed an elderly lady and dropped her home. heartwarming

d|हमारी कॉलोनी में रात्रि गश्त बढ़ने से चोरियां बंद हो गईं, धन्यवाद
h|colony me night patrolling badhne se choriyan band ho gayi, thanks {place}
e|increased night patrolling in {place} has stopped the burglaries. thanks

d|गुमशुदा बच्ची को {hours} घंटे में ढूंढकर माता पिता को सौंपा, बहुत बढ़िया
h|gumshuda bacchi ko {hours} ghante me dhoondh ke parents ko saunpa, bahut badhiya
e|missing girl found and reunited with parents in {hours} hours. great job

d|साइबर ठगी के {amt} होल्ड करवाने में मदद की, सही समय पर कॉल उठाई
h|cyber thagi ke {amt} hold karwane me madad ki, sahi time pe call uthayi 1930 ne
e|1930 helpline got my {amt} frozen in time. thank you so much

d|बाढ़ में फंसे लोगों को पुलिस ने नाव से निकाला, आप असली हीरो हैं
h|baadh me fase logo ko police ne naav se nikala, aap asli hero ho
e|police rescued flood victims by boat. you are the real heroes

d|मेरी फर्जी प्रोफाइल {days} दिन में हटवा दी, साइबर टीम को धन्यवाद
h|fake profile {days} din me hatwa di, cyber team ko thanks
e|cyber team got the fake profile in my name removed in {days} days. thanks

d|रात 2 बजे अकेली फंसी थी, पुलिस ने घर तक सुरक्षित छोड़ा, दिल से धन्यवाद
h|raat 2 baje akeli fasi thi, police ne ghar tak safe chhoda, dil se thanks
e|was stranded alone at 2 am, police dropped me home safely. thank you from the bottom of my heart

d|जमीन पर से कब्जा हटवाने में पुलिस ने निष्पक्ष कार्रवाई की, आभार
h|zameen se kabza hatwane me police ne nishpaksh karwai ki, aabhar, {place}
e|police acted fairly and got the encroachment on my land removed. grateful

d|हत्या का खुलासा {days} दिन में, पुलिस टीम को बधाई
h|murder case ka khulasa {days} din me, team ko badhai
e|murder case cracked in {days} days. congratulations to the team

d|पुलिस ने सड़क पर पड़े घायल कुत्ते को भी अस्पताल पहुंचाया, संवेदनशीलता को सलाम
h|police ne road pe ghayal kutte ko bhi hospital pahuchaya, salute
e|even an injured dog got help from police today. kindness matters

d|त्योहार पर बाजार में भीड़ के बावजूद अच्छी व्यवस्था, कोई जेब कटने की घटना नहीं
h|tyohar pe market me bheed ke bawajood achhi vyavastha, {place} police ko badhai
e|great crowd management in {place} market during the festival. well done

d|मेरे भाई पर हमला करने वाले {n} घंटे में गिरफ्तार, त्वरित कार्रवाई के लिए धन्यवाद
h|bhai pe hamla karne wale {n} ghante me giraftar, quick action ke liye thanks
e|those who attacked my brother were arrested within {n} hours. thanks for the quick action

d|ट्रैफिक पुलिस ने एम्बुलेंस के लिए ग्रीन कॉरिडोर बनाया, मरीज समय पर पहुंचा
h|traffic police ne ambulance ke liye green corridor banaya, mareez time pe pahucha
e|traffic police created a green corridor for an ambulance, the patient made it in time

d|महिला थाने ने मेरी काउंसलिंग करवाई और घर का मामला सुलझाया, बहुत धन्यवाद
h|mahila thane ne counselling karwayi aur ghar ka mamla suljhaya, bahut thanks
e|the women's police station counselled us and resolved our family dispute. thank you

d|मेरी बहन के साथ छेड़छाड़ करने वाले को पुलिस ने उसी दिन पकड़ लिया, त्वरित कार्रवाई के लिए आभार
h|behen ke saath chhedchhad karne wale ko police ne usi din pakad liya, thanks {ps} 🙏
e|the guy who harassed my sister was picked up the same day. thanks {ps} for the swift action

d|कल रात हमारे मोहल्ले में झगड़ा हुआ, पुलिस ने आकर शांत कराया, कोई नुकसान नहीं हुआ, धन्यवाद
h|kal raat mohalle me jhagda hua tha, police ne aa ke shant karaya, thanks {place}
e|there was a brawl in our lane last night; police arrived and calmed things down. thank you

d|मेरी मां का गिरा हुआ पर्स पुलिस वाले ने ईमानदारी से लौटाया, {amt2} सब सही थे
h|mummy ka gira hua purse police wale ne imaandari se lautaya, {amt2} sab sahi the, salute
e|a cop returned my mother's dropped purse with all {amt2} intact. honesty!

d|सर आपकी टीम ने जिस तरह रात भर खोजबीन की, हमारा बच्चा सुरक्षित मिल गया, हम कर्जदार हैं
h|sir aapki team ne raat bhar khoj ki, hamara baccha surakshit mil gaya, hum karzdaar hai
e|your team searched all night and found our child safe. we are indebted

d|हमारी सोसाइटी में साइबर जागरूकता कार्यक्रम के लिए धन्यवाद, बहुत कुछ सीखा
h|society me cyber awareness program ke liye thanks, bahut kuch seekha, {place}
e|thank you for the cyber awareness session in our society at {place}, learnt a lot
""", heldout=r"""
d|एंटी रोमियो स्क्वॉड की वजह से अब कोचिंग के बाहर लड़कियां सुरक्षित हैं, धन्यवाद
h|anti romeo squad ki wajah se coaching ke bahar ladkiyan safe hai ab, thanks {place}
e|thanks to the anti-Romeo squad, girls outside our coaching centre in {place} feel safe now

d|पहाड़ पर फंसे पर्यटकों को पुलिस ने बर्फ में रेस्क्यू किया, सलाम
h|barf me fase tourists ko police ne rescue kiya, salaam {place} police
e|salute to the cops who rescued tourists stranded in snow near {place}

d|रक्तदान शिविर लगाने के लिए पुलिस लाइन को धन्यवाद
h|blood donation camp lagane ke liye police line ko thanks, {city}
e|thank you {city} police lines for organising the blood donation camp

d|ठगी के शिकार बुजुर्ग को पुलिस ने पूरी रकम वापस दिलाई
h|thagi ke shikar buzurg ko police ne poori rakam wapas dilayi, proud
e|police got an elderly fraud victim's entire money back. proud of you

d|मेरी छूटी हुई ट्रेन की टिकट और बैग जीआरपी ने संभाल कर रखा, धन्यवाद
h|GRP ne mera chhoota hua bag sambhal ke rakha aur lautaya, thanks {place}
e|GRP at {place} kept my forgotten bag safe and returned it. thank you

d|गणेश विसर्जन में शानदार व्यवस्था, कहीं भी जाम नहीं लगा
h|visarjan me shandar vyavastha, kahin jam nahi laga, {city} police ko badhai
e|excellent arrangements during the immersion procession in {city}, no jams at all

d|पुलिस ने स्कूल में बच्चों को साइबर सुरक्षा के बारे में बताया, बहुत उपयोगी
h|police ne school me baccho ko cyber safety ke baare me bataya, bahut useful
e|police held a cyber safety session at my son's school. very useful, thank you

d|चुनाव में शांतिपूर्ण मतदान कराने के लिए पुलिस बल को धन्यवाद
h|chunav me shantipurn matdan karane ke liye police bal ko dhanyavad, {place}
e|thanks to the force for peaceful polling in {place}

d|मेरी बहन को परेशान करने वाले लड़के को पुलिस ने समझाकर सुधार दिया, अब कोई दिक्कत नहीं
h|behen ko pareshan karne wale ladke ko police ne samjha diya, ab koi dikkat nahi, thanks
e|police counselled the boy harassing my sister and it has stopped completely. thanks

d|थाने की महिला डेस्क का व्यवहार बहुत अच्छा रहा
h|thane ki mahila help desk ka vyavhar bahut achha raha, {ps}
e|the women help desk at {ps} was very kind and helpful

d|अपहृत व्यापारी को {hours} घंटे में सकुशल छुड़ाया, शानदार ऑपरेशन
h|apahrit vyapari ko {hours} ghante me sakushal chhudaya, shandar operation
e|kidnapped trader rescued unharmed in {hours} hours. superb operation
x|shandar operation 👏👏

d|नशे के खिलाफ अभियान से हमारे गांव में बदलाव आया है, धन्यवाद
h|nashe ke khilaf abhiyan se gaon me badlav aaya hai, thanks {place}
e|the anti-drug drive has made a real difference in our village near {place}

d|ठंड में गरीबों को कंबल बांटने के लिए थाना स्टाफ को बधाई
h|thand me garibon ko kambal baatne ke liye thana staff ko badhai, {ps}
e|kudos to {ps} station staff for distributing blankets to the poor this winter
""")
# ==========================================================================
# spam (P3): promotions, slogans, abuse, chatter, memes, greetings, cricket
# ==========================================================================
DATA["spam"] = dict(train=r"""
d|सुप्रभात 🌞 आपका दिन मंगलमय हो
h|good morning ji 🌹🌹 aapka din shubh ho
e|Good morning everyone, have a blessed day 🌞
x|gm 🌹

d|घर बैठे रोज {amt2} कमाएं, अभी जुड़ें, व्हाट्सएप करें {phone}
h|ghar baithe roz {amt2} kamaye, abhi join kare, whatsapp {phone}
e|Earn {amt2} daily from home!! DM now or WhatsApp {phone} 💰💰

d|भारत ने क्या मैच जीता, कोहली का शतक 🔥🔥
h|kya match jeeta india ne, kohli ka century 🔥🔥 bhai maza aa gaya
e|What a match!! Kohli century 🔥 India on top
x|INDIA JEET GAYA 🇮🇳🔥

d|2027 में फिर से हमारी सरकार, जय श्री राम
h|2027 me phir se hamari sarkar, jai shree ram 🚩🚩
e|Our party will sweep 2027 again!! vote for development 🚩

d|पुलिस भर्ती की तैयारी के लिए हमारी कोचिंग में एडमिशन शुरू, {city} में
h|police bharti ki taiyari ke liye admission open, best coaching in {city}, call {phone}
e|Admissions open for police constable exam coaching in {city}! call {phone} for demo class

d|इस वीडियो को इतना शेयर करो कि सब देखें 😂😂
h|is video ko itna share karo ki sab dekhe 😂😂
e|share this video till it reaches everyone 😂😂😂
x|lol 😂😂😂

d|फॉलो करो और फॉलो बैक पाओ, पुलिस वाले भी फॉलो करो
h|follow karo follow back milega 100%, police wale bhi follow karo 😎
e|follow for follow 💯 even police accounts pls follow back lol

d|यूपी पुलिस जिंदाबाद, जय हिंद जय भारत
h|UP police zindabad 💪 jai hind jai bharat
e|Police zindabad!! Jai Hind 🇮🇳🇮🇳

d|मेरे यूट्यूब चैनल को सब्सक्राइब करो, लिंक बायो में
h|mere youtube channel ko subscribe karo, link bio me hai bhaiyo 🙏
e|please subscribe to my YouTube channel, link in bio 🙏🔥

d|तुम लोग सब बेकार हो, कुछ नहीं होगा इस देश का
h|tum log sab bekaar ho, kuch nahi hoga is desh ka 😂
e|you all are useless lol nothing will change in this country

d|आज का मौसम बहुत अच्छा है, चाय और पकौड़े ☕
h|aaj mausam bada mast hai, chai pakode ka time ☕😋
e|lovely weather today, chai and pakode time ☕

d|सस्ते दाम में आईफोन, सीमित ऑफर, डीएम करें
h|sasta iphone sirf {amt2} me, limited offer, DM karo jaldi
e|iPhone at just {amt2}!!! limited stock, DM now 📱🔥

d|जन्मदिन की हार्दिक शुभकामनाएं भाई साहब 🎂
h|janamdin ki hardik shubhkamnaye bhai sahab 🎂🎉
e|happy birthday bhai, many happy returns 🎂🎉
x|hbd bhai 🎂

d|क्रिकेट में आज कौन जीतेगा, अपना अनुमान बताओ
h|aaj IPL me kaun jeetega bolo bhai, CSK ya MI? 🏏
e|who wins tonight, CSK or MI? drop your predictions 🏏
x|CSK jeetegi 💛

d|ऑनलाइन गेम खेलो और रोज पैसे जीतो, लिंक पर क्लिक करो
h|online game khelo aur roz paise jeeto, link pe click karo, 100 rs bonus
e|play and win real cash daily!! sign up bonus Rs 100, click link 👇

d|हा हा हा ये मीम देखो पुलिस वाला 😂😂
h|hahaha ye meme dekho 😂😂 police wala bhi has dega
e|lmao this meme 😂😂 even the cops will laugh

d|हमारे नेता जी के जन्मदिन पर सभी को बधाई, विशाल भंडारा
h|neta ji ke janamdin pe sabhi ko badhai, vishal bhandara {place} me 🙏
e|grand celebration of our leader's birthday at {place}, everyone invited 🙏

d|हेलो कोई है? बस ऐसे ही टैग कर दिया
h|hello koi hai? bas aise hi tag kar diya 😅
e|hello?? anyone here lol just tagging randomly

d|जॉब चाहिए तो संपर्क करें, बिना इंटरव्यू नौकरी, {phone}
h|job chahiye to contact kare bina interview naukri {phone}, 10th pass bhi
e|jobs available without interview, 10th pass ok, call {phone}

d|शेयर बाजार में पैसा दोगुना, हमारे टेलीग्राम चैनल से जुड़ें
h|share market me paisa double, hamare telegram channel se jude 📈📈
e|double your money in stocks!! join our telegram channel 📈🚀

d|भाई लोग आज रात पार्टी कहां है
h|bhai log aaj raat party kahan hai 🍻 {city} me
e|guys where's the party tonight in {city} 🍻

d|जो इस पोस्ट को लाइक नहीं करेगा उसका दिन खराब जाएगा
h|jo is post ko like nahi karega uska din kharab jayega 😂🙏
e|like this post or bad luck for 7 years 😂

d|फ्री रिचार्ज पाने के लिए इस लिंक पर क्लिक करें
h|free recharge paane ke liye is link pe click kare, 3 mahine free
e|get 3 months FREE recharge, click this link now!!

d|पुलिस की वर्दी कितनी अच्छी लगती है, मुझे भी पुलिस बनना है
h|police ki vardi kitni achhi lagti hai, mujhe bhi police banna hai 💪
e|I also want to become a police officer one day 💪 uniform looks so cool

d|बोलो सच्चे दरबार की जय 🙏
h|bolo sachche darbar ki jai 🙏🙏
e|jai mata di 🙏🙏 blessings to all

d|इस पार्टी को वोट मत देना, सब चोर हैं
h|is party ko vote mat dena sab chor hai, badlav chahiye
e|don't vote for them, all the same. we need change!!

d|अरे भाई ये ट्रेंड क्या चल रहा है आज
h|are bhai ye trend kya chal raha hai aaj, kuch samajh nahi aaya
e|what's this trend about today?? someone explain

d|वजन घटाने की जादुई दवा, 7 दिन में 10 किलो, ऑर्डर करें
h|wazan ghatane ki jadui dawa 7 din me 10 kilo, order {phone}
e|lose 10 kg in 7 days with our herbal powder!! order at {phone}

d|मेरा नया गाना आ गया, सुनो और शेयर करो 🎵
h|mera naya gaana aa gaya, suno aur share karo 🎵 bhojpuri hit
e|my new song is out!! listen and share 🎵🔥

d|ये पुलिस वाली वेब सीरीज कितनी बढ़िया है, सबको देखनी चाहिए
h|ye police wali web series kitni badhiya hai, sabko dekhni chahiye 🔥
e|this new cop web series is fire, everyone should watch it 🔥

d|बिना गारंटी लोन पाएं, 5 मिनट में अप्रूवल
h|bina guarantee loan paaye 5 min me approval, call {phone}
e|instant loan without documents, approval in 5 minutes, call {phone}

d|कल कौन कौन मेले में चल रहा है {place}
h|kal kaun kaun mele chal raha hai {place} 🎡
e|who's coming to the fair at {place} tomorrow? 🎡

d|आज शुक्रवार है, कौन सी फिल्म देखें
h|aaj friday hai koi movie batao dekhne layak
e|it's friday, suggest a good movie

d|रक्षाबंधन की शुभकामनाएं सभी भाई बहनों को
h|raksha bandhan ki shubhkamnaye sabhi bhai behno ko 🎁
e|happy Raksha Bandhan to all brothers and sisters 🎁

d|इस अकाउंट को रिपोर्ट करो, ये मुझे फॉलो नहीं करता 😂
h|is account ko report karo ye mujhe follow nahi karta 😂
e|report this account, they don't follow me back 😂

d|पहले अपना काम करो, फिर ट्विटर चलाओ 😂
h|pehle apna kaam karo phir twitter chalao 😂😂
e|do your job first then run twitter 😂😂

d|घर बैठे सरकारी नौकरी, फॉर्म भरें {amt2} में
h|ghar baithe sarkari naukri, form bharo {amt2} me, guarantee selection
e|guaranteed govt job selection, form fee {amt2} only, apply now!!

d|कोई मुझसे दोस्ती करेगा? 🥺
h|koi mujhse dosti karega? 🥺 DM open hai
e|anyone want to be friends? DMs open 🥺
x|hi 👋

d|सब लोग मेरी पोस्ट पर कमेंट करो, 1000 फॉलोअर्स पूरे करने हैं
h|sab log meri post pe comment karo, 1000 followers poore karne hai 🙏
e|comment on my post everyone, need to hit 1000 followers 🙏

d|ये ट्वीट पुलिस तक पहुंचाओ ताकि सबको पता चले मैं कितना फेमस हूं 😂
h|ye tweet police tak pahuchao taki sabko pata chale main kitna famous hu 😂
e|tagging the police so everyone knows how famous I am 😂

d|आज मेरी शादी की सालगिरह है, सबको आमंत्रण 🎉
h|aaj meri shaadi ki saalgirah hai, sabko invitation 🎉 {city}
e|it's my wedding anniversary today, all invited 🎉

d|क्रिप्टो में निवेश करो, अमीर बनो, मेरे रेफरल लिंक से जुड़ो
h|crypto me invest karo ameer bano, mere referral link se judo 🚀
e|invest in crypto and get rich, join with my referral link 🚀🚀

d|मैं भी ट्वीट कर रहा हूं, देखते हैं जवाब आता है या नहीं 😂
h|main bhi tweet kar raha hu dekhte hai reply aata hai ya nahi 😂
e|let's see if they reply to me too 😂 just testing

d|नए साल की बहुत बहुत बधाई सभी पुलिस मित्रों को 🎆
h|naye saal ki bahut bahut badhai sabhi police mitron ko 🎆
e|happy new year to all our police friends 🎆🎉
""", heldout=r"""
d|नवरात्रि की हार्दिक शुभकामनाएं, माता रानी सबकी मनोकामना पूरी करें
h|navratri ki hardik shubhkamnaye, mata rani sabki manokamna poori kare 🙏
e|happy Navratri to everyone, may the goddess bless you all 🙏

d|हमारे होटल में शादी की बुकिंग पर 20% छूट, {city}
h|hamare hotel me shaadi booking pe 20% off, {city}, call {phone}
e|20% off on wedding bookings at our hotel in {city}! call {phone}

d|फुटबॉल का फाइनल किसने देखा, क्या गोल था
h|football final kisne dekha, kya goal tha bhai ⚽
e|who watched the final?? what a goal ⚽🔥

d|हमारी पार्टी के उम्मीदवार को भारी मतों से जिताएं
h|hamare pratyashi ko bhaari maton se jitaye, vote for change ✊
e|vote our candidate to victory with a huge margin ✊

d|ये फोटो किसने खींची, पुलिस की गाड़ी पर बंदर बैठा है 😂
h|ye photo kisne kheenchi, police ki gaadi pe bandar baitha hai 😂😂
e|who clicked this? a monkey chilling on the police jeep 😂😂

d|मैं बोर हो रहा हूं, कोई बात करो
h|bore ho raha hu koi baat karo yaar
e|so bored, someone talk to me

d|सोना खरीदने का सबसे अच्छा मौका, आज ही आएं
h|sona kharidne ka best mauka, aaj hi aaye, making charge free
e|best time to buy gold!! zero making charges today only ✨

d|अपने मोबाइल से रोज 500 कमाओ, बस ऐप डाउनलोड करो
h|mobile se roz 500 kamao bas app download karo 👇👇
e|earn 500 daily from your phone, just download this app 👇

d|आज मेरा रिजल्ट आया, पास हो गया 🥳
h|aaj result aaya pass ho gaya 🥳🥳 party to banti hai
e|passed my exams today 🥳 party time

d|पुलिस वाले अंकल आप बहुत स्मार्ट हो 😍
h|police wale uncle aap bahut smart ho 😍
e|the police uncle in your DP looks so smart 😍

d|दीपावली पर पटाखे ऑनलाइन मंगवाएं, होम डिलीवरी
h|diwali ke patakhe online mangwaye, home delivery {city} me
e|order Diwali crackers online, home delivery in {city} 🎆

d|सोमवार फिर आ गया 😩
h|monday phir aa gaya 😩 koi bachao
e|ugh, monday again 😩
x|monday 😩

d|टीवी डिबेट में कल जो हुआ वो शर्मनाक था
h|kal TV debate me jo hua wo sharmnak tha, anchor bhi kuch nahi bola
e|last night's TV debate was a circus, shameful
""")

# ==========================================================================
# not_police (P3): other departments
# ==========================================================================
DATA["not_police"] = dict(train=r"""
d|{place} की मुख्य सड़क पर बड़े बड़े गड्ढे हैं, रोज लोग गिर रहे हैं, नगर निगम सो रहा है
h|{place} ki main road pe bade bade gaddhe hai, roz log gir rahe hai, nagar nigam so raha hai
e|huge potholes on the main road at {place}, people fall every day. municipal corporation is asleep
x|{place} road pe gaddhe hi gaddhe 😡

d|{place} में {hours} घंटे से बिजली नहीं है, ट्रांसफार्मर फुंका पड़ा है
h|{place} me {hours} ghante se light nahi hai, transformer phunka pada hai, koi sunne wala nahi
e|no electricity in {place} for {hours} hours, the transformer burnt out and nobody's come
x|light nahi hai {hours} ghante se

d|{days} दिन से हमारे मोहल्ले में पानी की सप्लाई बंद है, जल संस्थान कोई जवाब नहीं देता
h|{days} din se mohalle me paani ki supply band hai, jal sansthan koi jawab nahi deta, {place}
e|no water supply in our colony in {place} for {days} days, the water department doesn't respond
x|paani nahi aa raha {days} din se

d|गली में {days} दिन से कूड़ा नहीं उठा, बदबू से जीना मुश्किल
h|gali me {days} din se kooda nahi utha, badboo se jeena mushkil, {place}
e|garbage hasn't been collected in our lane for {days} days, the stink is unbearable. {place}
x|kooda uthwao {place} 🤢

d|{place} की स्ट्रीट लाइटें एक महीने से बंद हैं, रात में अंधेरा रहता है
h|{place} ki street lights ek mahine se band hai, raat me andhera rehta hai
e|street lights in {place} have been off for a month, completely dark at night
x|street light kharab {place}

d|राशन डीलर पूरा राशन नहीं देता, कम तौलता है, शिकायत कहां करें
h|ration dealer poora ration nahi deta, kam taulta hai, {place}
e|our ration shop dealer gives less grain than entitled and weighs short. {place}

d|मेरी मां की वृद्धावस्था पेंशन {n} महीने से नहीं आई
h|mummy ki old age pension {n} mahine se nahi aayi, bank wale bolte upar se nahi aayi
e|my mother's old age pension hasn't been credited for {n} months

d|सरकारी अस्पताल में डॉक्टर समय पर नहीं आते, मरीज घंटों लाइन में खड़े रहते हैं
h|sarkari hospital me doctor time pe nahi aate, mareez ghanton line me khade rehte, {place}
e|doctors at the government hospital in {place} never come on time, patients wait for hours

d|ट्रेन {hours} घंटे लेट है और एसी कोच में एसी काम नहीं कर रहा
h|train {hours} ghante late hai aur AC coach me AC kaam nahi kar raha, PNR {cno}
e|train running {hours} hours late and the AC in our coach isn't working. PNR {cno}

d|सीवर लाइन चोक है, गंदा पानी घरों में घुस रहा है, {place}
h|sewer line choke hai, ganda paani gharon me ghus raha hai, {place}, jal nigam dhyan de
e|sewer line choked in {place}, dirty water entering houses

d|बिजली का बिल {amt} आया है जबकि हमारे घर में सिर्फ दो पंखे चलते हैं
h|bijli ka bill {amt} aaya hai jabki ghar me sirf do pankhe chalte hai, meter kharab hai
e|my electricity bill came to {amt} for a two-fan house, the meter is faulty

d|आवारा पशु सड़क पर घूमते हैं, सांड ने एक बुजुर्ग को घायल कर दिया, {place}
h|awara pashu road pe ghoomte hai, saand ne ek buzurg ko ghayal kar diya, {place}
e|stray cattle everywhere in {place}, a bull injured an elderly man yesterday. municipal body must act

d|नाली का पानी सड़क पर बह रहा है, {days} दिन से सफाई कर्मचारी नहीं आया
h|naali ka paani road pe beh raha hai, {days} din se safai karmchari nahi aaya, {place}
e|drain water overflowing onto the road in {place}, no sweeper for {days} days

d|स्कूल में मिड डे मील में कीड़े निकले, बच्चे बीमार
h|school ke mid day meal me keede nikle, bacche bimar, {place}, BSA dhyan de
e|worms found in the mid-day meal at the school in {place}, kids fell sick

d|बैंक में पासबुक अपडेट नहीं हो रही, मैनेजर बात नहीं करता
h|bank me passbook update nahi ho rahi, manager baat nahi karta, {place} branch
e|the bank branch at {place} won't update my passbook and the manager is rude

d|गैस सिलेंडर की डिलीवरी {days} दिन से नहीं हुई, एजेंसी वाले फोन नहीं उठाते
h|gas cylinder ki delivery {days} din se nahi hui, agency wale phone nahi uthate
e|LPG cylinder not delivered for {days} days, the gas agency doesn't pick up

d|राशन कार्ड में नाम जुड़वाने के लिए {n} महीने से चक्कर लगा रहा हूं
h|ration card me naam judwane ke liye {n} mahine se chakkar laga raha hu, supply office me
e|been running to the supply office for {n} months to add a name to my ration card

d|सड़क पर पानी भरा है, बारिश के बाद {days} दिन से निकासी नहीं हुई, {place}
h|baarish ke baad {days} din se road pe paani bhara hai, nikasi nahi hui, {place}
e|waterlogging in {place} for {days} days after the rain, no drainage at all

d|जन्म प्रमाण पत्र बनवाने के लिए नगर निगम में रिश्वत मांगी जा रही है
h|birth certificate ke liye nagar nigam me rishwat maangi ja rahi hai, {city}
e|the municipal office in {city} is demanding a bribe for a birth certificate

d|पार्क में झूले टूटे हैं, बच्चों को चोट लग रही है, उद्यान विभाग ध्यान दे
h|park ke jhoole toote hai, baccho ko chot lag rahi hai, {place}
e|broken swings in the children's park at {place}, kids getting hurt. horticulture dept please fix

d|हमारे गांव में बिजली के तार नीचे लटक रहे हैं, कभी भी हादसा हो सकता है
h|gaon me bijli ke taar neeche latak rahe hai, kabhi bhi haadsa ho sakta hai, {place}
e|live electric wires hanging low in our village near {place}, an accident waiting to happen

d|स्कॉलरशिप {n} महीने से नहीं आई, पोर्टल पर पेंडिंग दिखा रहा
h|scholarship {n} mahine se nahi aayi, portal pe pending dikha raha hai
e|my scholarship has been pending on the portal for {n} months

d|रेलवे स्टेशन पर पीने का पानी नहीं है, वाटर कूलर खराब
h|station pe peene ka paani nahi hai, water cooler kharab, {place} station
e|no drinking water at {place} station, all coolers broken

d|ड्राइविंग लाइसेंस के लिए आरटीओ में दलाल बिना पैसे के काम नहीं होने देते
h|DL ke liye RTO me dalal bina paise ke kaam nahi hone dete, {city}
e|touts at the RTO in {city} won't let anything move without money for a driving licence

d|मनरेगा की मजदूरी {n} महीने से नहीं मिली
h|MGNREGA ki mazdoori {n} mahine se nahi mili, pradhan bolta hai upar se nahi aayi
e|MGNREGA wages not paid for {n} months

d|सड़क निर्माण अधूरा छोड़ दिया ठेकेदार ने, गिट्टी बिखरी पड़ी है
h|road ka kaam adhoora chhod diya thekedar ne, gitti bikhri padi hai, {place}
e|the contractor abandoned the road work in {place} halfway, gravel scattered everywhere

d|आधार कार्ड में पता सुधरवाना है, सेंटर पर रोज सर्वर डाउन रहता है
h|aadhar me address update karwana hai, centre pe roz server down rehta hai
e|need to update my Aadhaar address, the enrolment centre's server is down every day

d|नल से गंदा और बदबूदार पानी आ रहा है, बच्चे बीमार हो रहे हैं
h|nal se ganda badboodar paani aa raha hai, bacche bimar ho rahe hai, {place}
e|tap water in {place} is dirty and smelly, children are falling ill

d|प्रधानमंत्री आवास योजना की किस्त अभी तक नहीं आई
h|PM awas yojana ki kist abhi tak nahi aayi, {n} mahine ho gaye
e|the housing scheme instalment still hasn't come after {n} months

d|खुले नाले में गाय गिर गई थी, नाले को ढकवाया जाए
h|khule naale me gaay gir gayi thi, naale ko dhakwaya jaye, {place}
e|a cow fell into the open drain in {place}, please get it covered

d|अस्पताल में दवाइयां बाहर से खरीदने को कहा जाता है
h|sarkari hospital me dawaiyan bahar se kharidne ko bolte hai, {place}
e|the government hospital in {place} makes patients buy medicines from outside

d|स्मार्ट मीटर लगने के बाद बिल दोगुना आ रहा है
h|smart meter lagne ke baad bill double aa raha hai, {city}
e|electricity bill doubled after the smart meter was installed. {city}

d|बस डिपो की बसें समय पर नहीं चलतीं, गांव के बच्चे स्कूल नहीं पहुंच पाते
h|roadways bus time pe nahi chalti, gaon ke bacche school nahi pahuch paate, {place}
e|state buses on the {place} route never run on time, village kids miss school

d|डॉक्टर ने प्राइवेट क्लिनिक पर बुलाया, सरकारी अस्पताल में देखने से मना किया
h|sarkari doctor ne private clinic pe bulaya, hospital me dekhne se mana kiya, {place}
e|a government doctor in {place} refused to see us at the hospital and asked us to come to his private clinic

d|मोबाइल नेटवर्क {days} दिन से गायब है, टावर खराब
h|mobile network {days} din se gayab hai, {place} me tower kharab
e|no mobile network in {place} for {days} days, tower down

d|पुल की रेलिंग टूटी है, कोई भी गिर सकता है, {place}
h|pul ki railing tooti hai, koi bhi gir sakta hai, {place}, PWD dhyan de
e|the bridge railing at {place} is broken, someone could fall. PWD please fix

d|ट्रेन में पैंट्री वाले ज्यादा पैसे ले रहे हैं, खाना भी खराब
h|train me pantry wale zyada paise le rahe hai, khana bhi kharab, PNR {cno}
e|pantry staff overcharging and food is stale on our train, PNR {cno}

d|किसान सम्मान निधि की किस्त बंद हो गई है, ई-केवाईसी हो चुकी है
h|kisan samman nidhi ki kist band ho gayi hai, e-KYC ho chuki hai
e|my PM-Kisan instalment stopped even though e-KYC is done

d|मच्छरों से परेशान हैं, फॉगिंग नहीं होती, डेंगू फैल रहा है
h|machhar bahut hai, fogging nahi hoti, dengue fail raha hai {place} me
e|mosquito menace in {place}, no fogging, dengue cases rising

d|बिजली विभाग ने बिना नोटिस के कनेक्शन काट दिया, बिल जमा है
h|bijli vibhag ne bina notice connection kaat diya, bill jama hai, {place}
e|power department cut my connection without notice though the bill is paid. {place}
""", heldout=r"""
d|जंगली बंदरों ने कॉलोनी में आतंक मचा रखा है, वन विभाग कुछ करे
h|bandaron ne colony me aatank macha rakha hai, van vibhag kuch kare, {place}
e|monkeys are terrorising our colony in {place}, forest department please act

d|श्मशान घाट तक जाने का रास्ता कच्चा है, बारिश में कीचड़
h|shamshan ghat tak ka rasta kaccha hai, baarish me keechad, {place}
e|the road to the cremation ground in {place} is unpaved and muddy

d|सरकारी स्कूल में शिक्षक पढ़ाने नहीं आते, सिर्फ हाजिरी लगाते हैं
h|sarkari school me teacher padhane nahi aate, sirf haziri lagate hai, {place}
e|teachers at the government school in {place} just mark attendance and leave

d|आंगनबाड़ी में बच्चों का पोषाहार नहीं बंट रहा
h|anganwadi me baccho ka poshahar nahi bat raha, {place}
e|nutrition supplies aren't being distributed at the anganwadi in {place}

d|हैंडपंप {days} दिन से खराब है, पूरा गांव पानी के लिए परेशान
h|handpump {days} din se kharab, poora gaon paani ke liye pareshan, {place}
e|the village handpump in {place} has been broken for {days} days
x|handpump kharab {days} din se

d|पोस्ट ऑफिस में पार्सल {days} दिन से अटका है
h|post office me parcel {days} din se atka hai, tracking update nahi
e|my speed post parcel has been stuck for {days} days, no tracking update

d|नहर में पानी नहीं छोड़ा गया, फसल सूख रही है
h|nahar me paani nahi chhoda, fasal sookh rahi hai, {place}, sinchai vibhag dhyan de
e|no water released in the canal near {place}, crops drying up. irrigation dept please

d|फ्लाइट कैंसिल हुई, एयरलाइन रिफंड नहीं दे रही
h|flight cancel ho gayi, airline refund nahi de rahi {n} hafte se
e|my flight was cancelled and the airline hasn't refunded in {n} weeks

d|बिल्डर ने पजेशन देने में {n} साल की देरी कर दी, रेरा में शिकायत करनी है
h|builder ne possession me {n} saal late kar diya, RERA me complaint kaise kare
e|the builder has delayed possession by {n} years, how do I approach RERA?

d|विधवा पेंशन का फॉर्म ब्लॉक में जमा किया था, {n} महीने से कुछ नहीं हुआ
h|vidhwa pension ka form block me jama kiya tha, {n} mahine se kuch nahi hua
e|submitted the widow pension form at the block office {n} months ago, nothing since

d|पहाड़ी रास्ते पर भूस्खलन का मलबा {days} दिन से नहीं हटा, आवाजाही बंद
h|landslide ka malba {days} din se nahi hata, {place} ka rasta band, PWD kahan hai
e|landslide debris on the road near {place} not cleared for {days} days

d|दूध में मिलावट हो रही है, खाद्य विभाग जांच करे
h|doodh me milawat ho rahi hai, khadya vibhag jaanch kare, {city}
e|adulterated milk being sold in {city}, food safety department should test it

d|कॉलेज ने माइग्रेशन सर्टिफिकेट {n} महीने से रोक रखा है
h|college ne migration certificate {n} mahine se rok rakha hai
e|my college has been holding my migration certificate for {n} months
""")


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------
VARIANT_PASSES = ["h", "d", "e", "m", "x"]


def generate_split(cat, split, seen):
    sits = parse_block(DATA[cat][split])
    rng = random.Random(f"{SEED}/{cat}/{split}")
    target = TARGET[split]
    out = []
    tries = 0
    passno = 0
    while len(out) < target and tries < target * 40:
        order = list(range(len(sits)))
        rng.shuffle(order)
        for i in order:
            if len(out) >= target:
                break
            sit = sits[i]
            if passno < len(VARIANT_PASSES):
                variant = VARIANT_PASSES[passno]
            else:
                variant = rng.choices(["h", "d", "e", "m", "x"], weights=[35, 22, 25, 12, 6])[0]
            for _ in range(6):
                tries += 1
                res = build_example(rng, cat, sit, variant, split)
                if res is None:
                    break
                text, script, district = res
                key = re.sub(r"\s+", " ", text.strip().lower())
                if key in seen:
                    continue
                seen.add(key)
                ex = {"text": text, "category": cat, "priority": PRIORITY[cat], "script": script}
                if district:
                    ex["district"] = district
                out.append(ex)
                break
        passno += 1
    return out, len(sits)


def main():
    seen = set()
    splits = {"train": [], "heldout": []}
    nsits = {}
    for split in ("train", "heldout"):
        for cat in CATEGORIES:
            exs, n = generate_split(cat, split, seen)
            nsits[(cat, split)] = n
            splits[split].extend(exs)
    # sanity: held-out situations are not training situations, places disjoint
    for cat in CATEGORIES:
        tr = {tuple(sorted((k, tuple(v)) for k, v in s.items())) for s in parse_block(DATA[cat]["train"])}
        ho = {tuple(sorted((k, tuple(v)) for k, v in s.items())) for s in parse_block(DATA[cat]["heldout"])}
        assert not (tr & ho), cat
        assert nsits[(cat, "train")] >= 40, (cat, nsits[(cat, "train")])
    tr_names = {p[k] for p in PLACE_POOL["train"] for k in ("loc_l", "loc_d", "ps_l", "ps_d")}
    ho_names = {p[k] for p in PLACE_POOL["heldout"] for k in ("loc_l", "loc_d", "ps_l", "ps_d")}
    assert not (tr_names & ho_names), tr_names & ho_names
    texts = [e["text"] for s in splits.values() for e in s]
    assert len(texts) == len(set(texts)), "duplicate texts"
    for split, exs in splits.items():
        random.Random(f"{SEED}/shuffle/{split}").shuffle(exs)
        with open(os.path.join(HERE, f"{split}.jsonl"), "w", encoding="utf-8") as f:
            for e in exs:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
    # report
    print(f"{'category':22s} {'prio':4s} {'sit_tr':>6s} {'sit_ho':>6s} {'train':>6s} {'heldout':>7s}")
    for cat in CATEGORIES:
        ntr = sum(1 for e in splits["train"] if e["category"] == cat)
        nho = sum(1 for e in splits["heldout"] if e["category"] == cat)
        print(f"{cat:22s} {PRIORITY[cat]:4s} {nsits[(cat, 'train')]:6d} {nsits[(cat, 'heldout')]:6d} {ntr:6d} {nho:7d}")
    for split, exs in splits.items():
        sc = Counter(e["script"] for e in exs)
        nd = sum(1 for e in exs if "district" in e)
        print(f"{split}: {len(exs)} examples; script " + ", ".join(f"{k}={sc[k]}" for k in ("deva", "latn", "mixed"))
              + f"; with district {nd}")


if __name__ == "__main__":
    sys.exit(main())
