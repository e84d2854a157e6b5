#!/usr/bin/env python3
"""Generate the metagate HOLD-OUT classification test set.

Deterministic (seed 90210), Python 3 stdlib only, no network.
Writes tests/holdout/FORMAT.events.jsonl and FORMAT.labels.jsonl for
segment, mixpanel, amplitude, posthog, otlp-logs and llm (200 bodies each).

Labels follow /work/shared/datasets/README.md: RFC 6901 paths, whole-value
classes first then embedded classes, spans [start, end, class] in code points.

DO NOT tune the classifier against this set. See README.md next to this file.
"""
import base64
import json
import os
import random
import string
import sys

SEED = 90210
N_BODIES = 200
OUT = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)


# ---------------------------------------------------------------- labelling
class V:
    """A leaf value with its label (classes, spans)."""
    __slots__ = ("v", "classes", "spans")

    def __init__(self, v, classes, spans=None):
        self.v, self.classes, self.spans = v, list(classes), spans or []


def lab(v, *classes):
    return V(v, classes)


def text(parts, whole=()):
    """parts: str or (str, class). Returns V with embedded spans (or a plain str)."""
    out, spans, pos = [], [], 0
    for p in parts:
        if isinstance(p, tuple):
            s, c = p
            spans.append([pos, pos + len(s), c])
        else:
            s = p
        out.append(s)
        pos += len(s)
    s = "".join(out)
    emb = sorted({c for _, _, c in spans})
    classes = list(whole) + [c for c in emb if c not in whole]
    if not classes:
        return s
    return V(s, classes, spans)


def esc(k):
    return str(k).replace("~", "~0").replace("/", "~1")


def finalize(o, path, labels):
    if isinstance(o, V):
        if o.classes:
            rec = {"path": path, "classes": o.classes}
            if o.spans:
                rec["spans"] = o.spans
            labels.append(rec)
        return o.v
    if isinstance(o, dict):
        return {k: finalize(v, path + "/" + esc(k), labels) for k, v in o.items()}
    if isinstance(o, list):
        return [finalize(v, path + "/" + str(i), labels) for i, v in enumerate(o)]
    return o


# ---------------------------------------------------------------- primitives
def ch(seq):
    return R.choice(seq)


def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))


def alnum(n, alphabet=string.ascii_letters + string.digits):
    return "".join(R.choice(alphabet) for _ in range(n))


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexs(32)
    h = h[:12] + "4" + h[13:16] + ch("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


CROCK = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid():
    return "01J" + "".join(R.choice(CROCK) for _ in range(23))


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


# ---------------------------------------------------------------- people
# (given, family, ascii-given, ascii-family, family-first-without-space)
PEOPLE = [
    ("Margarethe", "Vogelsang", "margarethe", "vogelsang", False),
    ("Tadeusz", "Wiśniewski", "tadeusz", "wisniewski", False),
    ("Oluwaseun", "Bakare", "oluwaseun", "bakare", False),
    ("Thandiwe", "Mokoena", "thandiwe", "mokoena", False),
    ("Aroha", "Ngata", "aroha", "ngata", False),
    ("Siddharth", "Venkataraman", "siddharth", "venkataraman", False),
    ("Ólafur", "Sigurðsson", "olafur", "sigurdsson", False),
    ("Ioana", "Constantinescu", "ioana", "constantinescu", False),
    ("Beatriz", "Albuquerque", "beatriz", "albuquerque", False),
    ("Joaquín", "Echeverría", "joaquin", "echeverria", False),
    ("Séverine", "Lacroix", "severine", "lacroix", False),
    ("Ayşe", "Demirtaş", "ayse", "demirtas", False),
    ("Kwame", "Asante", "kwame", "asante", False),
    ("Ingrid", "Lindqvist", "ingrid", "lindqvist", False),
    ("Radek", "Dvořák", "radek", "dvorak", False),
    ("Zsófia", "Horváth", "zsofia", "horvath", False),
    ("Siobhán", "Ní Bhriain", "siobhan", "nibhriain", False),
    ("Yousef", "Al-Harbi", "yousef", "alharbi", False),
    ("Layla", "Haddad", "layla", "haddad", False),
    ("Omar", "El-Sayed", "omar", "elsayed", False),
    ("Noor", "Abdel-Rahman", "noor", "abdelrahman", False),
    ("Noa", "Ben-David", "noa", "bendavid", False),
    ("Thị Lan", "Nguyễn", "lan", "nguyen", True),
    ("Minh Khoa", "Dương", "khoa", "duong", True),
    ("美咲", "佐藤", "misaki", "sato", True),
    ("健太", "高橋", "kenta", "takahashi", True),
    ("由美", "小林", "yumi", "kobayashi", True),
    ("洋", "刘", "yang", "liu", True),
    ("婷", "周", "ting", "zhou", True),
    ("俊杰", "吴", "junjie", "wu", True),
    ("서연", "박", "seoyeon", "park", True),
    ("도현", "이", "dohyun", "lee", True),
    ("유진", "최", "yujin", "choi", True),
    ("Анна", "Кузнецова", "anna", "kuznetsova", False),
    ("Дмитрий", "Соколов", "dmitriy", "sokolov", False),
    ("Олена", "Шевченко", "olena", "shevchenko", False),
    ("Γιώργος", "Παπαδόπουλος", "giorgos", "papadopoulos", False),
    ("Ελένη", "Κωνσταντίνου", "eleni", "konstantinou", False),
    ("Mehmet", "Yılmaz", "mehmet", "yilmaz", False),
    ("Pietari", "Häkkinen", "pietari", "hakkinen", False),
    ("D'Arcy", "McAllister", "darcy", "mcallister", False),
    ("Rangi", "Te Whare", "rangi", "tewhare", False),
    ("Chidinma", "Okonkwo-Eze", "chidinma", "okonkwo", False),
    ("François", "Lévesque", "francois", "levesque", False),
]


def person():
    g, f, ag, af, ff = ch(PEOPLE)
    if ff and ord(g[0]) >= 0x2E80:      # CJK / Hangul: family name first, no space
        full = f + g
    elif ff:                            # Vietnamese: family name first, spaced
        full = f"{f} {g}"
    else:
        full = f"{g} {f}"
    return {"given": g, "family": f, "full": full, "ag": ag, "af": af}


PERSONAL_DOMAINS = ["gmx.de", "proton.me", "yandex.ru", "naver.com", "web.de", "libero.it",
                    "icloud.com", "orange.fr", "qq.com", "fastmail.com", "seznam.cz", "wp.pl"]
WORK_DOMAINS = ["quillandfern.co", "tessellate.dev", "brightharbor.io", "kestrel-logistics.com",
                "noordzee-bank.nl", "mapleleafgrocers.ca", "sakura-denki.co.jp", "andes-minerals.cl",
                "fjordline-analytics.no", "baobab.africa", "mail.tessellate.dev"]


def email_for(p=None):
    p = p or person()
    a, b = p["ag"], p["af"]
    local = ch([f"{a}.{b}", f"{a[0]}{b}", f"{b}.{a}", f"{a}_{b}{R.randint(1, 99)}",
                f"{a}+{ch(['billing', 'crm', 'beta'])}", f"{a.capitalize()}.{b.capitalize()}",
                f"{b}{R.randint(1970, 2005)}", f"{a}-{b}"])
    return f"{local}@{ch(PERSONAL_DOMAINS + WORK_DOMAINS)}"


# ---------------------------------------------------------------- phones
def _d(n):
    return digits(n)


def phone_of(cc):
    """returns (international, national) strings valid in cc's numbering plan."""
    if cc == "US":
        a = f"{R.choice('2345678')}{R.randint(0, 8)}{R.randint(0, 9)}"
        e = f"{R.choice('2345679')}{_d(2)}"
        s = _d(4)
        return ch([f"+1 {a}-{e}-{s}", f"+1 ({a}) {e}-{s}", f"+1{a}{e}{s}"]), ch([f"({a}) {e}-{s}", f"{a}.{e}.{s}"])
    if cc == "GB":
        m = f"7{R.choice('4579')}{_d(2)}"
        s = _d(6)
        return f"+44 {m} {s}", f"0{m} {s}"
    if cc == "DE":
        m = ch(["151", "160", "170", "176"])
        s = _d(8)
        return ch([f"+49 {m} {s}", f"+49 (0){m} {s}"]), f"0{m} {s}"
    if cc == "FR":
        m = ch("67")
        g = [_d(2) for _ in range(4)]
        return f"+33 {m} {' '.join(g)}", f"0{m}.{'.'.join(g)}"
    if cc == "JP":
        m = ch(["90", "80", "70"])
        a, b = _d(4), _d(4)
        return f"+81 {m}-{a}-{b}", f"0{m}-{a}-{b}"
    if cc == "KR":
        a, b = _d(4), _d(4)
        return f"+82 10-{a}-{b}", f"010-{a}-{b}"
    if cc == "IN":
        a = ch("6789") + _d(4)
        b = _d(5)
        return f"+91 {a} {b}", f"0{a}{b}"
    if cc == "BR":
        ddd = ch(["21", "31", "41", "51", "61"])
        a, b = "9" + _d(4), _d(4)
        return f"+55 {ddd} {a}-{b}", f"({ddd}) {a}-{b}"
    if cc == "AU":
        a, b = _d(2), _d(3)
        c = _d(3)
        return f"+61 4{a} {b} {c}", f"04{a} {b} {c}"
    if cc == "ES":
        a = ch("67") + _d(2)
        b, c, d = _d(2), _d(2), _d(2)
        return f"+34 {a} {b} {c} {d}", f"{a} {b}{c[0]} {c[1]}{d}"
    if cc == "IT":
        a = "3" + ch(["20", "33", "47", "49"])
        b, c = _d(3), _d(4)
        return f"+39 {a} {b} {c}", f"{a} {b} {c}"
    if cc == "NL":
        a = _d(8)
        return f"+31 6 {a}", f"06-{a}"
    if cc == "ZA":
        a = ch(["72", "82", "83", "61"])
        b, c = _d(3), _d(4)
        return f"+27 {a} {b} {c}", f"0{a} {b} {c}"
    if cc == "MX":
        a, b = _d(4), _d(4)
        return f"+52 55 {a} {b}", f"55 {a} {b}"
    raise KeyError(cc)


PHONE_CCS = ["US", "GB", "DE", "FR", "JP", "KR", "IN", "BR", "AU", "ES", "IT", "NL", "ZA", "MX"]


def phone(cc=None):
    i, n = phone_of(cc or ch(PHONE_CCS))
    return ch([i, i, n])


# ---------------------------------------------------------------- addresses
def _ukpc(prefix):
    return f"{prefix} {R.randint(1, 9)}{ch('ABDEFGHJLNPQRSTUWXYZ')}{ch('ABDEFGHJLNPQRSTUWXYZ')}"


def address():
    """returns dict: cc, country (code or name), street, city, region, postal, and a parts list
    for free text in the country's native order."""
    cc = ch(["DE", "FR", "NL", "GB", "US", "JP", "KR", "BR", "IN", "ES", "IT", "PL", "AU", "CA", "SE", "MX", "ZA"])
    n = R.randint(1, 240)
    if cc == "DE":
        city, reg, pc, road = ch([("Köln", "Nordrhein-Westfalen", "50", "Hohe Straße"), ("Stuttgart", "Baden-Württemberg", "70", "Königstraße"),
                                  ("Leipzig", "Sachsen", "04", "Karl-Liebknecht-Straße"), ("Freiburg im Breisgau", "Baden-Württemberg", "79", "Kaiser-Joseph-Straße"),
                                  ("Berlin", "Berlin", "10", "Schönhauser Allee")])
        st = f"{road} {n}"
        pc = pc + _d(3)
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["Deutschland", "Germany"]
    elif cc == "FR":
        city, reg, pc = ch([("Lyon", "Auvergne-Rhône-Alpes", "6900"), ("Bordeaux", "Nouvelle-Aquitaine", "3300"),
                            ("Nantes", "Pays de la Loire", "4400"), ("Lille", "Hauts-de-France", "5900")])
        st = f"{n} {ch(['rue des Lilas', 'avenue Jean Jaurès', 'rue de la République', 'boulevard Victor Hugo'])}"
        pc = pc + str(R.randint(1, 9))
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["France"]
    elif cc == "NL":
        city, reg, pc = ch([("Utrecht", "Utrecht", "35"), ("Rotterdam", "Zuid-Holland", "30"),
                            ("Groningen", "Groningen", "97")])
        st = {"Utrecht": "Oudegracht", "Rotterdam": "Witte de Withstraat", "Groningen": "Herestraat"}[city] + f" {n}"
        pc = f"{pc}{_d(2)} {ch('ABCDEGHJKLMNPRST')}{ch('ABCDEGHJKLMNPRST')}"
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["Nederland", "Netherlands"]
    elif cc == "GB":
        city, reg, pc = ch([("Oxford", "England", "OX4"), ("Manchester", "England", "M3"),
                            ("Edinburgh", "Scotland", "EH6"), ("Cardiff", "Wales", "CF10")])
        st = {"Oxford": f"{n} Cowley Road", "Manchester": f"Flat {R.randint(1, 9)}, {n} Deansgate", "Edinburgh": f"{n} Leith Walk",
              "Cardiff": f"{n} Cathedral Road"}[city]
        pc = _ukpc(pc)
        parts = [(st, "street_address"), ", ", (city, "city"), " ", (pc, "postal_code")]
        names = ["United Kingdom", "UK", "GB"]
    elif cc == "US":
        city, reg, pc = ch([("Berkeley", "CA", "947"), ("Atlanta", "GA", "303"), ("Seattle", "WA", "981"),
                            ("Austin", "TX", "787"), ("Portland", "OR", "972")])
        st = {"Berkeley": f"{R.randint(100, 2999)} Shattuck Ave", "Atlanta": f"{R.randint(100, 2999)} Peachtree St NE",
              "Seattle": f"{R.randint(100, 2999)} Pike Street, Apt {R.randint(1, 40)}", "Austin": f"{R.randint(100, 2999)} Congress Avenue",
              "Portland": f"{R.randint(100, 2999)} SE Hawthorne Blvd"}[city]
        pc = pc + _d(2)
        parts = [(st, "street_address"), ", ", (city, "city"), ", ", (reg, "region"), " ", (pc, "postal_code")]
        names = ["United States", "USA", "US"]
    elif cc == "JP":
        city, reg, pc, dist = ch([("横浜市", "神奈川県", "220-", "西区みなとみらい"), ("大阪市", "大阪府", "530-", "北区梅田"),
                                  ("札幌市", "北海道", "060-", "中央区北三条西"), ("福岡市", "福岡県", "810-", "中央区天神")])
        st = f"{dist}{R.randint(1, 5)}-{R.randint(1, 20)}-{R.randint(1, 30)}"
        pc = pc + _d(4)
        parts = ["〒", (pc, "postal_code"), " ", (reg, "region"), (city, "city"), (st, "street_address")]
        names = ["日本", "Japan", "JP"]
    elif cc == "KR":
        city, reg, pc, road = ch([("성남시", "경기도", "13", "분당구 판교역로"), ("수원시", "경기도", "16", "영통구 광교중앙로"),
                                  ("부산광역시", "부산광역시", "48", "해운대구 센텀중앙로")])
        st = f"{road} {n}"
        pc = pc + _d(3)
        if city == reg:
            parts = [(city, "city"), " ", (st, "street_address"), " (", (pc, "postal_code"), ")"]
        else:
            parts = [(reg, "region"), " ", (city, "city"), " ", (st, "street_address"), " (", (pc, "postal_code"), ")"]
        names = ["대한민국", "South Korea", "KR"]
    elif cc == "BR":
        city, reg, pc = ch([("Curitiba", "PR", "80"), ("Belo Horizonte", "MG", "30"), ("Recife", "PE", "50"),
                            ("Porto Alegre", "RS", "90")])
        st = {"Curitiba": "Rua XV de Novembro", "Belo Horizonte": "Avenida Afonso Pena", "Recife": "Rua da Aurora",
              "Porto Alegre": "Rua dos Andradas"}[city] + f", {n}"
        pc = f"{pc}{_d(3)}-{_d(3)}"
        parts = [(st, "street_address"), " - ", (city, "city"), " - ", (reg, "region"), ", ", (pc, "postal_code")]
        names = ["Brasil", "Brazil", "BR"]
    elif cc == "IN":
        city, reg, pc = ch([("Bengaluru", "Karnataka", "5600"), ("Pune", "Maharashtra", "4110"),
                            ("Chennai", "Tamil Nadu", "6000"), ("Hyderabad", "Telangana", "5000")])
        st = f"{ch(['Flat 12B, ', 'No. ', ''])}{n}, " + {"Bengaluru": "100 Feet Road, Indiranagar", "Pune": "FC Road, Shivajinagar",
                                                         "Chennai": "Anna Salai, Teynampet", "Hyderabad": "Road No. 36, Jubilee Hills"}[city]
        pc = pc + _d(2)
        parts = [(st, "street_address"), ", ", (city, "city"), " ", (pc, "postal_code")]
        names = ["India", "IN"]
    elif cc == "ES":
        city, reg, pc = ch([("Valencia", "Comunidad Valenciana", "460"), ("Sevilla", "Andalucía", "410"),
                            ("Bilbao", "País Vasco", "480")])
        st = {"Valencia": "Calle de Colón", "Sevilla": "Avenida de la Constitución", "Bilbao": "Gran Vía de Don Diego López de Haro"}[city] + f" {n}"
        pc = pc + _d(2)
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["España", "Spain", "ES"]
    elif cc == "IT":
        city, reg, pc = ch([("Torino", "Piemonte", "101"), ("Bologna", "Emilia-Romagna", "401"), ("Napoli", "Campania", "801")])
        st = {"Torino": "Via Garibaldi", "Bologna": "Via dell’Indipendenza", "Napoli": "Corso Umberto I"}[city] + f" {n}"
        pc = pc + _d(2)
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["Italia", "Italy", "IT"]
    elif cc == "PL":
        city, reg, pc = ch([("Kraków", "małopolskie", "3"), ("Wrocław", "dolnośląskie", "5"), ("Gdańsk", "pomorskie", "8")])
        st = "ul. " + {"Kraków": "Floriańska", "Wrocław": "Świdnicka", "Gdańsk": "Długa"}[city] + f" {n}{ch(['', '/' + str(R.randint(1, 30))])}"
        pc = f"{pc}{_d(1)}-{_d(3)}"
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["Polska", "Poland", "PL"]
    elif cc == "AU":
        city, reg, pc = ch([("Fitzroy", "VIC", "3065"), ("Surry Hills", "NSW", "2010"), ("Fortitude Valley", "QLD", "4006")])
        st = f"{n} " + {"Fitzroy": "Smith Street", "Surry Hills": "Crown Street", "Fortitude Valley": "Brunswick Street"}[city]
        parts = [(st, "street_address"), ", ", (city, "city"), " ", (reg, "region"), " ", (pc, "postal_code")]
        names = ["Australia", "AU"]
    elif cc == "CA":
        city, reg, pc, road = ch([("Montréal", "QC", "H2X", "rue Sainte-Catherine O"), ("Vancouver", "BC", "V6B", "Granville Street"),
                                  ("Halifax", "NS", "B3J", "Barrington Street")])
        st = f"{n} {road}"
        pc = f"{pc} {R.randint(1, 9)}{ch('ABCEGHJKLMNPRSTVXY')}{R.randint(1, 9)}"
        parts = [(st, "street_address"), ", ", (city, "city"), " ", (reg, "region"), " ", (pc, "postal_code")]
        names = ["Canada", "CA"]
    elif cc == "SE":
        city, reg, pc = ch([("Göteborg", "Västra Götaland", "41"), ("Malmö", "Skåne", "21"), ("Uppsala", "Uppsala län", "75")])
        st = {"Göteborg": "Kungsportsavenyen", "Malmö": "Södra Förstadsgatan", "Uppsala": "Svartbäcksgatan"}[city] + f" {n}"
        pc = f"{pc}{_d(1)} {_d(2)}"
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city")]
        names = ["Sverige", "Sweden", "SE"]
    elif cc == "MX":
        city, reg, pc = ch([("Guadalajara", "Jalisco", "44"), ("Monterrey", "Nuevo León", "64"), ("Puebla", "Puebla", "72")])
        st = {"Guadalajara": "Av. Chapultepec", "Monterrey": "Calle Morelos", "Puebla": "Av. Juárez"}[city] + f" {n}"
        pc = pc + _d(3)
        parts = [(st, "street_address"), ", ", (pc, "postal_code"), " ", (city, "city"), ", ", (reg, "region")]
        names = ["México", "Mexico", "MX"]
    else:  # ZA
        city, reg, pc = ch([("Cape Town", "Western Cape", "8001"), ("Durban", "KwaZulu-Natal", "4001"),
                            ("Johannesburg", "Gauteng", "2001")])
        st = f"{n} " + {"Cape Town": "Long Street", "Durban": "Florida Road", "Johannesburg": "Jan Smuts Avenue"}[city]
        parts = [(st, "street_address"), ", ", (city, "city"), ", ", (pc, "postal_code")]
        names = ["South Africa", "ZA"]
    return {"cc": cc, "country": ch(names + [cc]), "street": st, "city": city, "region": reg, "postal": pc,
            "parts": parts}


CITY_GEO = [("Curitiba", "Paraná", "BR", -25.4284, -49.2733), ("Leipzig", "Saxony", "DE", 51.3397, 12.3731),
            ("Osaka", "Osaka", "JP", 34.6937, 135.5023), ("Incheon", "Incheon", "KR", 37.4563, 126.7052),
            ("Nairobi", "Nairobi County", "KE", -1.2864, 36.8172), ("Lagos", "Lagos", "NG", 6.5244, 3.3792),
            ("Wellington", "Wellington", "NZ", -41.2865, 174.7762), ("Porto", "Porto", "PT", 41.1579, -8.6291),
            ("Kraków", "Lesser Poland", "PL", 50.0647, 19.945), ("Guadalajara", "Jalisco", "MX", 20.6597, -103.3496),
            ("Hyderabad", "Telangana", "IN", 17.385, 78.4867), ("Tel Aviv", "Tel Aviv District", "IL", 32.0853, 34.7818),
            ("Atlanta", "Georgia", "US", 33.749, -84.388), ("Göteborg", "Västra Götaland", "SE", 57.7089, 11.9746)]


def geo():
    c = ch(CITY_GEO)
    return c[0], c[1], c[2], round(c[3] + R.uniform(-0.05, 0.05), 4), round(c[4] + R.uniform(-0.05, 0.05), 4)


# ---------------------------------------------------------------- financial
def luhn_ok(s):
    ds = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def card():
    kind = ch(["visa", "mc", "mc2", "amex", "discover", "jcb", "diners", "unionpay"])
    if kind == "visa":
        n = luhn_complete("4" + digits(1), 16)
    elif kind == "mc":
        n = luhn_complete(str(R.randint(51, 55)), 16)
    elif kind == "mc2":
        n = luhn_complete(str(R.randint(2221, 2720)), 16)
    elif kind == "amex":
        n = luhn_complete(ch(["34", "37"]), 15)
    elif kind == "discover":
        n = luhn_complete("6011", 16)
    elif kind == "jcb":
        n = luhn_complete(str(R.randint(3528, 3589)), 16)
    elif kind == "diners":
        n = luhn_complete("36", 14)
    else:
        n = luhn_complete("62" + digits(2), ch([16, 19]))
    sep = ch(["", " ", "-", " "])
    if len(n) == 15:
        g = [n[:4], n[4:10], n[10:]]
    elif len(n) == 14:
        g = [n[:4], n[4:10], n[10:]]
    elif len(n) == 19:
        g = [n[:4], n[4:8], n[8:12], n[12:16], n[16:]]
        sep = sep or " "
    else:
        g = [n[i:i + 4] for i in range(0, 16, 4)]
    return sep.join(g) if sep else n


def not_luhn16(prefix=""):
    while True:
        n = prefix + digits(16 - len(prefix))
        if not luhn_ok(n):
            return n


IBAN_FMT = {  # country: BBAN spec as list of (count, kind) kind n=digit a=upper c=alnum
    "DE": [(18, "n")], "FR": [(10, "n"), (11, "c"), (2, "n")], "GB": [(4, "a"), (14, "n")],
    "NL": [(4, "a"), (10, "n")], "ES": [(20, "n")], "IT": [(1, "a"), (10, "n"), (12, "c")],
    "BE": [(12, "n")], "CH": [(5, "n"), (12, "c")], "AT": [(16, "n")], "PL": [(24, "n")],
    "SE": [(20, "n")], "NO": [(11, "n")], "DK": [(14, "n")], "FI": [(14, "n")], "PT": [(21, "n")],
    "IE": [(4, "a"), (14, "n")], "LU": [(3, "n"), (13, "c")], "SA": [(2, "n"), (18, "c")],
    "TR": [(5, "n"), (1, "n"), (16, "c")], "CZ": [(20, "n")], "GR": [(7, "n"), (16, "c")],
    "HU": [(24, "n")], "RO": [(4, "a"), (16, "c")], "AE": [(3, "n"), (16, "n")],
}


def iban_check(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return 98 - int(num) % 97


def iban_valid(s):
    s = s.replace(" ", "")
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    r = s[4:] + s[:4]
    try:
        return int("".join(str(int(c, 36)) for c in r)) % 97 == 1
    except ValueError:
        return False


def iban():
    cc = ch(list(IBAN_FMT))
    bban = ""
    for cnt, k in IBAN_FMT[cc]:
        al = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}[k]
        bban += "".join(R.choice(al) for _ in range(cnt))
    s = f"{cc}{iban_check(cc, bban):02d}{bban}"
    assert iban_valid(s)
    if R.random() < 0.45:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    sep = ch(["-", "-", "-", " "])
    return f"{a:03d}{sep}{R.randint(1, 99):02d}{sep}{R.randint(1, 9999):04d}"


def bic():
    return ch(["COBADEFFXXX", "BNPAFRPPXXX", "INGBNL2A", "BARCGB22", "UBSWCHZH80A", "NDEAFIHH", "BSCHESMM", "HANDSESS"])


# ---------------------------------------------------------------- secrets
def jwt():
    hdr = {"alg": ch(["RS256", "ES256", "HS512", "EdDSA"]), "typ": "JWT", "kid": hexs(8)}
    pl = {"sub": ch([uuid4(), "auth0|" + hexs(24)]), "iss": f"https://id.{ch(WORK_DOMAINS)}/",
          "aud": ch(["api", "mobile", "dashboard"]), "iat": 1730000000 + R.randint(0, 5000000)}
    pl["exp"] = pl["iat"] + ch([900, 3600, 86400])
    if R.random() < 0.4:
        pl["scope"] = "openid profile email"
    sig = b64url(bytes(R.randrange(256) for _ in range(ch([32, 64]))))
    return f"{b64url(json.dumps(hdr, separators=(',', ':')).encode())}.{b64url(json.dumps(pl, separators=(',', ':')).encode())}.{sig}"


def secret(kind=None):
    kind = kind or ch(["openai", "openai_proj", "aws", "ghp", "ghpat", "slack", "stripe", "google", "jwt",
                       "slackp", "stripe_rk", "hf", "sendgrid"])
    a62 = string.ascii_letters + string.digits
    if kind == "openai":
        return "sk-" + alnum(20) + "T3BlbkFJ" + alnum(20)
    if kind == "openai_proj":
        return "sk-proj-" + alnum(R.randint(56, 132), a62 + "_-")
    if kind == "aws":
        return "AKIA" + alnum(16, string.ascii_uppercase + "234567")
    if kind == "ghp":
        return "ghp_" + alnum(36)
    if kind == "ghpat":
        return "github_pat_11" + alnum(20, string.ascii_uppercase + string.digits) + "_" + alnum(59)
    if kind == "slack":
        return f"xoxb-{digits(12)}-{digits(13)}-{alnum(24)}"
    if kind == "slackp":
        return f"xoxp-{digits(11)}-{digits(12)}-{digits(13)}-{hexs(32)}"
    if kind == "stripe":
        return "sk_live_" + alnum(R.choice([24, 99]))
    if kind == "stripe_rk":
        return "rk_live_" + alnum(R.choice([24, 99]))
    if kind == "google":
        return "AIza" + alnum(35, a62 + "_-")
    if kind == "hf":
        return "hf_" + alnum(34)
    if kind == "sendgrid":
        return "SG." + alnum(22, a62 + "_-") + "." + alnum(43, a62 + "_-")
    if kind == "awssecret":
        return alnum(40, a62 + "/+")
    return jwt()


def auth_header():
    k = ch(["bearer_jwt", "bearer_opaque", "basic", "token"])
    if k == "bearer_jwt":
        return "Bearer " + jwt()
    if k == "bearer_opaque":
        return "Bearer " + secret(ch(["openai", "openai_proj", "stripe", "ghp", "hf"]))
    if k == "basic":
        u = ch(["svc-export", "api", "ingest-bot", email_for()])
        return "Basic " + base64.b64encode(f"{u}:{alnum(18)}".encode()).decode()
    return "Token " + hexs(40)


# ---------------------------------------------------------------- network / device
def ipv4():
    while True:
        a = R.randint(1, 223)
        if a not in (10, 127, 172, 192, 100, 169, 0):
            return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def ipv6():
    k = ch(["full", "comp", "mapped", "comp2"])
    if k == "full":
        return ":".join([ch(["2a02", "2607", "2405", "2c0f", "2804"])] + [f"{R.randrange(65536):x}" for _ in range(7)])
    if k == "comp":
        return f"{ch(['2a01:4f8', '2606:4700', '2001:16b8', '240e:3b7'])}:{R.randrange(65536):x}::{R.randrange(65536):x}"
    if k == "comp2":
        return f"{ch(['2a00:23c6', '2403:5800', '2800:810'])}:{R.randrange(65536):x}:{R.randrange(65536):x}::{R.randrange(1, 65536):x}:{R.randrange(65536):x}"
    return "::ffff:" + ipv4()


def ip():
    return ipv4() if R.random() < 0.6 else ipv6()


UAS = [
    lambda: f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{R.randint(124, 131)}.0.{R.randint(6000, 6800)}.{R.randint(10, 200)} Safari/537.36",
    lambda: f"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_{R.randint(0, 7)}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.{R.randint(0, 2)} Safari/605.1.15",
    lambda: (lambda v: f"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0")(R.randint(125, 133)),
    lambda: f"Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    lambda: f"Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
    lambda: f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
    lambda: f"BrightHarbor/{R.randint(3, 7)}.{R.randint(0, 30)}.{R.randint(0, 9)} (iPhone; iOS 18.{R.randint(0, 2)}; Scale/3.00)",
    lambda: f"QuillFern-Android/{R.randint(1, 9)}.{R.randint(0, 20)} (Linux; U; Android 13; Pixel 7a Build/TQ3A.230901.001)",
    lambda: f"Dalvik/2.1.0 (Linux; U; Android 14; 2201116SG Build/UKQ1.231003.002)",
    lambda: f"okhttp/4.{R.randint(9, 12)}.{R.randint(0, 3)}",
    lambda: f"curl/8.{R.randint(4, 11)}.{R.randint(0, 1)}",
    lambda: f"python-requests/2.{R.randint(28, 32)}.{R.randint(0, 3)}",
    lambda: f"Kestrel/2024.11 CFNetwork/1568.100.1 Darwin/24.0.0",
]


def ua(browser=False):
    return ch(UAS[:6] if browser else UAS)()


def user_id():
    return ch([uuid4(), "usr-" + ulid().lower(), "cus_" + alnum(14), "u" + digits(9), ulid(), "acct-user-" + digits(6),
               "auth0|" + hexs(24)])


def device_id():
    return ch([uuid4().upper(), uuid4(), hexs(16), "dvc_" + alnum(20), "web-" + hexs(12)])


def session_id():
    return ch([uuid4(), "ses_" + alnum(18), "S-" + ulid(), hexs(32)])


def org_id():
    return ch(["org_" + alnum(10, string.ascii_lowercase + string.digits), "ORG-" + digits(6), uuid4(), "o-" + ulid().lower()])


def tenant_id():
    return ch(["tnt_" + alnum(8, string.ascii_lowercase + string.digits), f"t-{ch(['quillfern', 'kestrel', 'baobab', 'fjordline'])}-{ch(['prod', 'eu1', 'apac'])}",
               uuid4()])


def account_id():
    return ch(["ba_" + alnum(12), "ACC-" + digits(8), "billing-" + hexs(10)])


# ---------------------------------------------------------------- urls
SITES = ["https://app.brightharbor.io", "https://www.quillandfern.co", "https://portal.kestrel-logistics.com",
         "https://mijn.noordzee-bank.nl", "https://shop.mapleleafgrocers.ca", "https://console.tessellate.dev",
         "https://baobab.africa", "http://localhost:5173", "https://staging.fjordline-analytics.no"]
PATHS = ["/", "/dashboard", "/billing/invoices", "/settings/security/2fa", "/cart", "/checkout/review",
         "/help/articles/reset-password", "/p/aurora-standing-desk-oak", "/blog/2024/egress-gateways",
         "/t/{org}/reports/{uuid}", "/workspaces/{org}/members", "/onboarding/step-3", "/de-de/konto/adressen",
         "/ja/mypage/orders", "/search"]
REFERRERS = ["https://www.bing.com/", "https://news.ycombinator.com/item?id={n}", "https://www.reddit.com/r/dataengineering/",
             "android-app://com.google.android.gm/", "https://l.instagram.com/", "https://search.naver.com/search.naver",
             "https://yandex.ru/search/", "https://www.ecosia.org/", "https://out.reddit.com/t3_{n}",
             "https://baidu.com/link?url={n}"]


def _path():
    return ch(PATHS).replace("{org}", org_id()).replace("{uuid}", uuid4())


def url(kind="url", embed=None, site=None, absolute=True):
    """returns V. embed: None | 'email' | 'secret' | 'both' | 'email_path'."""
    base = (site or ch(SITES)) if absolute else ""
    parts = [base]
    if embed in ("email_path", "both") and R.random() < 0.6:
        parts += [ch(["/u/", "/admin/users/", "/invite/accept/"]), (email_for(), "email"), ch(["", "/edit", "/settings"])]
    else:
        parts += [_path()]
    q = []
    if R.random() < 0.3:
        q.append(f"utm_source={ch(['newsletter', 'linkedin', 'partner'])}&utm_campaign={ch(['q4_promo', 'winter24'])}")
    if embed in ("email", "both") or (embed == "email_path" and len(parts) == 2):
        e = email_for()
        if R.random() < 0.4:
            e = e.replace("@", "%40").replace("+", "%2B")
        q.append((ch(["login_hint=", "email=", "prefill_email=", "recipient="]), e))
    if embed in ("secret", "both"):
        q.append((ch(["api_key=", "access_token=", "key=", "auth="]), secret()))
    if R.random() < 0.25:
        q.append(f"page={R.randint(2, 9)}")
    R.shuffle(q)
    sep = "?"
    for item in q:
        parts.append(sep)
        sep = "&"
        if isinstance(item, tuple):
            cls = "email" if "@" in item[1] or "%40" in item[1] else "secret"
            parts += [item[0], (item[1], cls)]
        else:
            parts.append(item)
    if embed == "secret_fragment":
        parts += ["#access_token=", (jwt(), "secret"), "&token_type=bearer"]
    return text(parts, whole=[kind])


def referrer():
    r = ch(REFERRERS).replace("{n}", digits(8))
    return lab(r, "referrer")


# ---------------------------------------------------------------- genai
MODELS = ["gpt-4.1-mini", "o3-mini-2025-01-31", "claude-3-7-sonnet-20250219", "claude-3-5-haiku-latest",
          "gemini-2.0-flash-001", "mistral-large-2411", "command-r-plus-08-2024", "llama-3.3-70b-versatile",
          "deepseek-chat", "qwen2.5-72b-instruct", "amazon.nova-pro-v1:0", "anthropic.claude-3-haiku-20240307-v1:0",
          "text-embedding-3-small", "jina-embeddings-v3"]
PROMPT_CATS = ["code_generation", "summarization", "translation", "customer-support", "sql_generation",
               "classification", "brainstorming", "legal_review", "email_drafting", "Data Extraction"]
TOOLS = ["web_search", "lookup_order", "create_jira_issue", "run_sql", "get_weather", "calendar.create_event",
         "crm_update_contact", "refund_payment", "fetch_invoice_pdf", "code_interpreter"]
KBS = lambda: ch(["kb_" + ulid().lower(), "kb-hr-policies-v3", "kb-returns-eu", "vs_" + alnum(24), "kb-eng-runbooks",
                  "KB-" + digits(5)])
ERR_CODES = [429, 503, 400, 529, "insufficient_quota", "model_overloaded", "ERR_TOOL_SCHEMA", "overloaded_error",
             "max_tokens_exceeded", "E4031"]


# ---------------------------------------------------------------- hard negatives
def version4():
    return f"{R.randint(1, 24)}.{R.randint(0, 12)}.{R.randint(0, 40)}.{R.randint(100, 9999)}"


NEG_GENERATORS = [
    lambda: (ch(["appVersion", "app_version", "clientVersion", "fw_version", "versionName", "schema.version"]), version4()),
    lambda: (ch(["buildId", "build_number", "build"]), ch([f"2024.{R.randint(1, 12)}.{R.randint(1, 28)}-rc.{R.randint(1, 5)}+sha.{hexs(7)}",
                                                           digits(5), f"b{digits(4)}.{digits(2)}"])),
    lambda: (ch(["sku", "SKU", "variantSku", "item_code"]), f"{ch(['AUR', 'QF', 'KST', 'MLG'])}-{digits(4)}-{ch(['BLK', 'OAK', 'RGD', 'XL'])}"),
    lambda: (ch(["orderNumber", "order_ref", "invoice_no", "po_number"]), ch([f"PO-{digits(5)}-2024", f"INV/2024/{digits(5)}", f"SO{digits(8)}", f"#{digits(6)}"])),
    lambda: (ch(["ticketId", "case_number", "jiraKey"]), ch([f"HELP-{digits(5)}", f"CS{digits(7)}", f"PLAT-{digits(4)}"])),
    lambda: (ch(["commitSha", "git_commit", "revision"]), hexs(40)),
    lambda: (ch(["occurredAt", "created_at", "updatedAt", "lastSeen"]), ch(["2024-11-03T17:22:05+09:00", "Sun, 03 Nov 2024 08:22:05 GMT",
                                                                       "2024-12-01 23:59:59.123", "1730622125", "20241103T082205Z"])),
    lambda: (ch(["duration", "retention", "trial_length", "timeout"]), ch(["PT2M30S", "P30D", "P1Y2M", "PT0.250S", "P14D"])),
    lambda: (ch(["tracking_number", "trackingNo", "gift_card_number", "giftCardCode", "loyaltyNumber"]), not_luhn16(ch(["", "9", "1Z"[:0]]))),
    lambda: (ch(["card_last4", "last4", "cardLastFour", "pan_last4"]), digits(4)),
    lambda: (ch(["bic", "swift", "swiftCode"]), bic()),
    lambda: (ch(["messageId", "request_id", "x-request-id", "correlationId", "eventUuid"]), ch([uuid4(), "req_" + alnum(24), ulid()])),
    lambda: (ch(["traceId", "trace_id"]), hexs(32)),
    lambda: (ch(["spanId", "parent_span_id"]), hexs(16)),
    lambda: (ch(["product_name", "productName", "item"]), ch(["Aurora Standing Desk", "Rose Gold case for Pixel 9", "Hunter Green Parka",
                                                           "Victoria Sponge Mix", "Pearl White Earbuds", "Jasper Stone Mug",
                                                           "Oak Bookshelf", "Cast Iron Skillet 28cm", "Merino Wool Beanie",
                                                           "USB-C Hub 7-in-1", "Bamboo Cutting Board", "Ceramic Pour-Over Set"])),
    lambda: (ch(["company", "companyName", "vendor"]), ch(["Kestrel Logistics GmbH", "Quill & Fern Ltd", "Baobab Africa PLC", "Sakura Denki K.K."])),
    lambda: (ch(["plan", "planTier", "subscription_plan"]), ch(["Team Annual", "Max", "Grace", "Starter (monthly)", "Enterprise Plus"])),
    lambda: (ch(["locale", "lang", "uiLanguage"]), ch(["pt-BR", "ja-JP", "ko_KR", "sv-SE", "es-419", "zh-Hant-TW"])),
    lambda: (ch(["timezone", "tz", "timeZone"]), ch(["Europe/Lisbon", "Asia/Seoul", "America/Sao_Paulo", "Africa/Nairobi", "Pacific/Auckland"])),
    lambda: (ch(["cloud_region", "aws_region", "datacenter"]), ch(["eu-west-3", "ap-northeast-2", "sa-east-1", "europe-north1", "westeurope"])),
    lambda: (ch(["hostname", "server", "node"]), ch([f"web-{hexs(4)}-{alnum(5, string.ascii_lowercase)}", f"ip-10-{R.randint(0, 255)}-{R.randint(0, 255)}-{R.randint(1, 254)}.eu-west-1.compute.internal",
                                                     "ingest-02.fra.kestrel.internal"])),
    lambda: (ch(["browser", "browserName"]), ch(["Firefox", "Samsung Internet", "Safari", "Opera"])),
    lambda: (ch(["os", "osName", "platform"]), ch(["iOS 18.1", "Android 14", "Windows 11", "macOS 15.1", "HarmonyOS"])),
    lambda: (ch(["coupon", "promoCode"]), ch(["WELCOME-2024", "SPRING25", "GRACE10"])),
    lambda: (ch(["colorway", "finish"]), ch(["Rose Gold", "Midnight", "Sandy Beige", "Iris Purple"])),
    lambda: (ch(["feature_flag", "experiment"]), ch(["new-checkout-v2", "exp_ranker_b", "dark_mode_beta"])),
]


def negatives(k=None):
    out = {}
    for _ in range(k if k is not None else R.randint(1, 4)):
        key, val = ch(NEG_GENERATORS)()
        out[key] = val
    return out


# ---------------------------------------------------------------- free text
def _p():
    return person()


def tmpl_support():
    p = _p()
    c = ch(range(16))
    if c == 0:
        return ["Hallo, hier ist ", (p["full"], "person_name"), ". Meine neue Nummer ist ", (phone("DE"), "phone"), " – bitte aktualisieren 🙏"]
    if c == 1:
        return ["🚚 Paket kam nie an. Bitte an ", *address()["parts"], " liefern, nicht an die alte Adresse."]
    if c == 2:
        return ["Bonjour, je n'arrive pas à payer avec la carte ", (card(), "credit_card"), ". Merci — ", (p["full"], "person_name")]
    if c == 3:
        return ["Please refund order #", digits(6), " to my account ", (iban(), "iban"), " (Grace period still applies?)"]
    if c == 4:
        return ["Subject: access for ", (email_for(p), "email"), " — the Rose Gold case arrived scratched, tracking ", not_luhn16(), "."]
    if c == 5:
        return ["こんにちは、", (p["full"], "person_name"), "です。電話番号は", (phone("JP"), "phone"), "です。"]
    if c == 6:
        return ["For tax forms my SSN is ", (ssn(), "national_id"), " and my employer is Kestrel Logistics."]
    if c == 7:
        return ["Can someone from Customer Success call ", (phone("US"), "phone"), "? Ticket HELP-", digits(5), " is still open."]
    if c == 8:
        return ["Dear support, ", (p["full"], "person_name"), " here 👋 I got locked out after logging in from ", (ip(), "ip_address"), "."]
    if c == 9:
        return ["Oops, I pasted our key ", (secret(), "secret"), " into the chat — please revoke it!"]
    if c == 10:
        return ["Mark as read: shipment to ", *address()["parts"], " delayed 📦"]
    if c == 11:
        e = email_for(p)
        return ["Change billing contact from ", (email_for(), "email"), " to ", (e, "email"), " asap, thx"]
    if c == 12:
        return ["Olá! Meu cartão final 4417 foi recusado, mas o cartão ", (card(), "credit_card"), " funciona. Ass.: ", (p["full"], "person_name")]
    if c == 13:
        return ["Будь ласка, зателефонуйте мені: ", (phone(ch(PHONE_CCS)), "phone"), ". ", (p["full"], "person_name")]
    if c == 14:
        return ["Invoice INV/2024/", digits(5), " paid via ", (iban(), "iban"), " (BIC ", bic(), ") — ", (p["full"], "person_name")]
    return ["Will do. Summer sale ends ", "2024-12-01", "; my gift card ", not_luhn16(), " shows zero balance."]


def tmpl_log():
    c = ch(range(13))
    if c == 0:
        return ["auth: login ok user=", (email_for(), "email"), " src=", (ip(), "ip_address"), " mfa=totp"]
    if c == 1:
        return ["charge failed: card_declined pan=", (card(), "credit_card"), " amount=", str(R.randint(5, 900)), ".00 EUR"]
    if c == 2:
        return ["upstream 401 from api.openai.com, key ", (secret("openai_proj"), "secret"), " rejected"]
    if c == 3:
        return ["KYC check: ssn=", (ssn(), "national_id"), " result=MATCH score=0.97"]
    if c == 4:
        return ["SEPA payout to ", (iban(), "iban"), " scheduled for 2024-12-02 (ref PO-", digits(5), "-2024)"]
    if c == 5:
        return ["SMS OTP dispatched to ", (phone(), "phone"), " via provider=twilio attempt=2"]
    if c == 6:
        return ["geocoder miss for '", *address()["parts"], "'"]
    if c == 7:
        return ["rate limited client ", (ip(), "ip_address"), " (", str(R.randint(100, 999)), " req/min) build ", version4()]
    if c == 8:
        return ["Slack notify failed: token=", (secret(ch(["slack", "slackp"])), "secret"), " channel=#ops"]
    if c == 9:
        return ["db: UPDATE customers SET phone='", (phone(), "phone"), "' WHERE email='", (email_for(), "email"), "'"]
    if c == 10:
        return ["welcome mail queued for ", (_p()["full"], "person_name"), " <", (email_for(), "email"), ">"]
    if c == 11:
        return ["retrying job ", uuid4(), " after PT30S; commit ", hexs(40)]
    return ["Payment ", not_luhn16(), " rejected by risk engine; last4=", digits(4)]


def tmpl_prompt():
    p = _p()
    c = ch(range(12))
    if c == 0:
        return ["Translate into Korean: “Dear ", (p["full"], "person_name"), ", your parcel to ", *address()["parts"], " ships today.”"]
    if c == 1:
        return ["Write a SQL query that finds orders for ", (email_for(p), "email"), " placed in the last P30D window"]
    if c == 2:
        return ["Why does my request fail with key ", (secret(), "secret"), "? It worked yesterday."]
    if c == 3:
        return ["Summarise this ticket 🎫: customer ", (p["full"], "person_name"), " (", (phone(), "phone"), ") wants a refund."]
    if c == 4:
        return ["Is ", (card(), "credit_card"), " a Visa or a Mastercard?"]
    if c == 5:
        return ["Generate a polite reminder about invoice INV/2024/", digits(5), "; Grace period is 14 days."]
    if c == 6:
        return ["Check whether IBAN ", (iban(), "iban"), " belongs to a German bank"]
    if c == 7:
        return ["Explain this log: 'denied from ", (ip(), "ip_address"), "' on host web-", hexs(4)]
    if c == 8:
        return ["Fill the W-9 for ", (p["full"], "person_name"), ", SSN ", (ssn(), "national_id")]
    if c == 9:
        return ["curl -H 'Authorization: Bearer ", (jwt(), "secret"), "' https://api.tessellate.dev/v2/me returns 403, why?"]
    if c == 10:
        return ["Recommend a Rose Gold case for the Pixel 9 under 30 €"]
    return ["Rédige un e-mail à ", (email_for(p), "email"), " pour confirmer le rendez-vous de jeudi"]


def tmpl_query():
    c = ch(range(7))
    if c == 0:
        return [(email_for(), "email")]
    if c == 1:
        return [(_p()["full"], "person_name")]
    if c == 2:
        return [(phone(), "phone")]
    if c == 3:
        return ["orders for ", (email_for(), "email")]
    if c == 4:
        return [ch(["standing desk oak", "rose gold case", "parka hunter green", "victoria sponge"])]
    if c == 5:
        return [(_p()["full"], "person_name"), " invoices"]
    return ["PO-", digits(5)]


def tmpl_title():
    c = ch(range(5))
    p = _p()
    if c == 0:
        return ["Profile · ", (p["full"], "person_name"), " | Quill & Fern"]
    if c == 1:
        return ["Checkout – ", ch(NEG_GENERATORS[14:15])()[1], " | Maple Leaf Grocers"]
    if c == 2:
        return ["✉️ Messages (3) — ", (email_for(p), "email")]
    if c == 3:
        return ["Rechnung für ", (p["full"], "person_name"), " – Kestrel Logistics"]
    return ["Dashboard · BrightHarbor"]


def tmpl_error():
    c = ch(range(6))
    if c == 0:
        return ["ValidationError: '", (email_for(), "email"), "' is already registered"]
    if c == 1:
        return ["TypeError: Cannot read properties of undefined (reading 'price') at checkout.js:", str(R.randint(10, 999))]
    if c == 2:
        return ["InvalidPhone: ", (phone(), "phone"), " is not reachable"]
    if c == 3:
        return ["IBAN rejected: ", (iban(), "iban"), " (bank closed)"]
    if c == 4:
        return ["403 Forbidden for token ", (secret(), "secret")]
    return ["Timeout after PT30S contacting ingest-02.fra.kestrel.internal"]


TEXT_KEYS = {
    "support": ["message", "ticketBody", "support_message", "comment", "feedback_text", "customerNote", "Description", "notes"],
    "log": ["log_line", "logMessage", "detail", "msg"],
    "error": ["error_message", "errorMessage", "exception", "failure_reason"],
    "query": ["search_query", "searchTerm", "q", "query", "keywords"],
    "title": ["page_title", "title", "documentTitle"],
}


def free(kind):
    t = {"support": tmpl_support, "log": tmpl_log, "error": tmpl_error, "query": tmpl_query, "title": tmpl_title,
         "prompt": tmpl_prompt}[kind]()
    return text(t)


# ---------------------------------------------------------------- custom property pools
def style(words):
    """render a list of words in a random key style."""
    s = ch(["snake", "camel", "kebab", "pascal", "snake"])
    if s == "snake":
        return "_".join(words)
    if s == "kebab":
        return "-".join(words)
    if s == "pascal":
        return "".join(w.capitalize() for w in words)
    return words[0] + "".join(w.capitalize() for w in words[1:])


def contact_block():
    p = person()
    a = address()
    blk = {}
    k = ch(range(4))
    if k == 0:
        blk = {style(["first", "name"]): lab(p["given"], "person_name"), style(["last", "name"]): lab(p["family"], "person_name"),
               ch(["mail", "email", "eMail"]): lab(email_for(p), "email"), ch(["tel", "mobile", "phone"]): lab(phone(), "phone")}
    elif k == 1:
        blk = {ch(["fullName", "display_name", "name", "recipientName"]): lab(p["full"], "person_name"),
               ch(["emailAddress", "contact_email", "mail"]): lab(email_for(p), "email")}
    elif k == 2:
        blk = {"name": {"given": lab(p["given"], "person_name"), "family": lab(p["family"], "person_name")},
               "contact": {ch(["mail", "email"]): lab(email_for(p), "email"), ch(["tel", "phoneNumber", "mobile_number"]): lab(phone(), "phone")}}
    else:
        blk = {ch(["holderName", "cardholder_name"]): lab(p["full"], "person_name"), "phones": [lab(phone(), "phone"), lab(phone(), "phone")]}
    if R.random() < 0.6:
        ak = ch(["address", "addr", "shippingAddress", "billing_address", "deliveryAddress"])
        sty = ch([0, 2])  # a one-line formatted address in a structured field is ambiguous (whole vs spans): not generated
        if sty == 0:
            blk[ak] = {ch(["line1", "street", "streetAddress", "address_line_1"]): lab(a["street"], "street_address"),
                       ch(["city", "town", "locality"]): lab(a["city"], "city"),
                       ch(["state", "region", "province", "prefecture"]): lab(a["region"], "region"),
                       ch(["zip", "postalCode", "postcode", "plz"]): lab(a["postal"], "postal_code"),
                       ch(["country", "countryCode", "country_code"]): lab(a["country"], "country")}
        elif sty == 1:
            blk[ak] = text(a["parts"])
        else:
            blk[style(["street"])] = lab(a["street"], "street_address")
            blk[style(["city"])] = lab(a["city"], "city")
            blk[style(["postal", "code"])] = lab(a["postal"], "postal_code")
            blk[style(["country"])] = lab(a["country"], "country")
    return blk


def props_pool():
    """a dict of custom properties mixing sensitive and negative fields."""
    out = {}
    n = R.randint(2, 6)
    for _ in range(n):
        c = ch(range(22))
        if c == 0:
            out[ch(["buyer", "customer", "recipient", "account_holder"])] = contact_block()
        elif c == 1:
            out[ch(["cardNumber", "card_number", "pan", "payment.card.number", "cc_num"])] = lab(card(), "credit_card")
        elif c == 2:
            out[ch(["iban", "IBAN", "payoutIban", "bank_account_iban", "refund-iban", "sepa/iban"])] = lab(iban(), "iban")
        elif c == 3:
            out[ch(["ssn", "SSN", "social_security_number", "taxpayerSsn"])] = lab(ssn(), "national_id")
        elif c == 4:
            kind = ch(["openai", "openai_proj", "aws", "ghp", "ghpat", "slack", "stripe", "google", "jwt", "slackp", "stripe_rk", "hf", "sendgrid", "awssecret"])
            key = {"ghp": ["github_token", "ghToken"], "ghpat": ["github_pat", "GITHUB_TOKEN"], "slack": ["slackBotToken", "slack_token"],
                   "slackp": ["slack_user_token"], "stripe": ["stripe_secret_key", "stripeKey"], "stripe_rk": ["stripe_restricted_key"],
                   "aws": ["aws_access_key_id", "awsAccessKey"], "awssecret": ["aws_secret_access_key"], "jwt": ["id_token", "accessToken", "refresh-token"],
                   "openai": ["openai_api_key", "OPENAI_KEY"], "openai_proj": ["openaiKey", "llm_api_key"], "google": ["maps_api_key", "firebaseApiKey"],
                   "hf": ["hf_token", "huggingfaceToken"], "sendgrid": ["sendgrid_key", "smtpApiKey"]}[kind] + ["api_key", "apiKey", "secret_key", "x-api-key"]
            out[ch(key)] = lab(secret(kind), "secret")
        elif c == 5:
            out[ch(["authorization", "Authorization", "authHeader"])] = lab(auth_header(), "secret")
        elif c == 6:
            k, txt = ch(["support", "log", "error", "query", "title"]), None
            out[ch(TEXT_KEYS[k])] = free(k)
        elif c == 7:
            out[ch(["link", "share_url", "downloadUrl", "callback_url", "redirectUri", "landing_page"])] = url(
                embed=ch([None, None, "email", "secret", "both", "email_path", "secret_fragment"]))
        elif c == 8:
            out[ch(["invitees", "cc_emails", "notify"])] = [lab(email_for(), "email") for _ in range(R.randint(1, 3))]
        elif c == 9:
            out[ch(["customer_ip", "clientIp", "remote_addr", "ip_addr", "ipAddress"])] = lab(ip(), "ip_address")
        elif c == 10:
            out[ch(["orgId", "organization_id", "company_id"])] = lab(org_id(), "org_id")
        elif c == 11:
            out[ch(["tenantId", "tenant_id", "tenant"])] = lab(tenant_id(), "tenant_id")
        elif c == 12:
            out[ch(["billingAccountId", "account_id", "accountId", "billing_account"])] = lab(account_id(), "account_id")
        elif c == 13:
            out[ch(["sessionId", "session_id", "sid"])] = lab(session_id(), "session_id")
        elif c == 14:
            dk = ch(["deviceId", "device_id", "idfv", "android_id", "gaid"])
            out[dk] = lab({"idfv": uuid4().upper(), "gaid": uuid4(), "android_id": hexs(16)}.get(dk) or device_id(), "device_id")
        elif c == 15:
            out[ch(["userAgent", "user_agent", "ua"])] = lab(ua(), "user_agent")
        elif c == 16:
            cg = geo()
            key = ch(["geo", "location", "pickup", "gps"])
            out[key] = {ch(["lat", "latitude"]): lab(cg[3], "geo_coordinates"), ch(["lng", "lon", "longitude"]): lab(cg[4], "geo_coordinates")}
        elif c == 17:
            p = person()
            out[ch(["customerEmail", "user_email", "email", "e-mail", "contact.mail"])] = lab(email_for(p), "email")
        elif c == 18:
            out[ch(["ownerUserId", "created_by_user_id", "user.id", "assigneeId"])] = lab(user_id(), "user_id")
        elif c == 19:
            out[ch(["items", "line_items", "products"])] = [
                {"sku": ch(NEG_GENERATORS[2:3])()[1], "name": ch(NEG_GENERATORS[14:15])()[1], "qty": R.randint(1, 4),
                 "price": round(R.uniform(3, 400), 2)} for _ in range(R.randint(1, 3))]
        elif c == 20:
            out[ch(["mobilePhone", "phone_number", "tel", "whatsapp"])] = lab(phone(), "phone")
        else:
            out[ch(["customer_name", "contactName", "recipient_name"])] = lab(person()["full"], "person_name")
    out.update(negatives())
    return out


EVENTS = ["Order Completed", "Checkout Started", "Support Ticket Submitted", "Payout Requested", "Profile Updated",
          "Search Performed", "Invite Sent", "Subscription Renewed", "File Exported", "Address Verified",
          "Card Added", "Login Failed", "Integration Connected"]


def ts():
    return f"2024-{R.randint(10, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}.{R.randint(0, 999):03d}Z"


# ---------------------------------------------------------------- segment
def seg_context(kind="web"):
    ctx = {}
    if kind == "web":
        u = url(embed=ch([None, None, None, "email", "secret", "email_path"]))
        pv = path_label(u)
        ctx["page"] = {"path": pv, "url": u, "referrer": referrer() if R.random() < 0.7 else "",
                       "title": free("title"), "search": ""}
        if isinstance(ctx["page"]["referrer"], str):
            del ctx["page"]["referrer"]
        ctx["userAgent"] = lab(ua(browser=True), "user_agent")
    else:
        ctx["app"] = {"name": ch(["BrightHarbor", "Quill & Fern"]), "version": f"{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 9)}",
                      "build": digits(5), "namespace": "io.brightharbor.app"}
        ctx["device"] = {"id": lab(device_id(), "device_id"), "manufacturer": ch(["Apple", "samsung", "Xiaomi"]),
                         "model": ch(["iPhone16,2", "SM-S921B", "2201116SG"]), "type": ch(["ios", "android"])}
        ctx["device"]["manufacturer"], ctx["device"]["model"] = (("Apple", ch(["iPhone16,2", "iPhone15,3"])) if ctx["device"]["type"] == "ios"
                                                                 else (ch(["samsung", "Xiaomi"]), ch(["SM-S921B", "2201116SG"])))
        if R.random() < 0.5:
            ctx["device"]["advertisingId"] = lab(uuid4().upper(), "device_id")
            ctx["device"]["adTrackingEnabled"] = True
        ctx["os"] = {"name": "iOS", "version": ch(["18.1", "17.6.1"])} if ctx["device"]["type"] == "ios" else {"name": "Android", "version": ch(["14", "15"])}
        ctx["network"] = {"wifi": R.random() < .5, "carrier": ch(["Vodafone", "NTT DOCOMO", "Claro", None])}
        ctx["screen"] = {"width": 1179, "height": 2556, "density": 3}
    ctx["ip"] = lab(ip(), "ip_address")
    ctx["library"] = {"name": ch(["analytics.js", "@segment/analytics-next"] if kind == "web" else ["analytics-ios", "analytics-kotlin", "analytics-swift"]),
                      "version": f"{R.randint(1, 5)}.{R.randint(0, 20)}.{R.randint(0, 9)}"}
    ctx["locale"] = ch(["pt-BR", "ko-KR", "de-AT", "en-NZ", "fr-CA"])
    ctx["timezone"] = ch(["America/Sao_Paulo", "Asia/Seoul", "Europe/Vienna", "Pacific/Auckland"])
    if R.random() < 0.4:
        g = geo()
        ctx["location"] = {"city": lab(g[0], "city"), "region": lab(g[1], "region"), "country": lab(g[2], "country"),
                           "latitude": lab(g[3], "geo_coordinates"), "longitude": lab(g[4], "geo_coordinates")}
    if R.random() < 0.3:
        ctx["campaign"] = {"source": ch(["newsletter", "partner"]), "medium": "email", "name": ch(["winter24", "q4_promo"])}
    if R.random() < 0.3:
        ctx["groupId"] = lab(org_id(), "org_id")
    if R.random() < 0.3:
        p = person()
        ctx["traits"] = {"email": lab(email_for(p), "email"), "name": lab(p["full"], "person_name")}
    return ctx


def path_label(u):
    """derive the `path` (no scheme/host/query) from a url V, carrying email spans in the path."""
    s = u.v if isinstance(u, V) else u
    i = s.find("://")
    start = s.find("/", i + 3) if i >= 0 else 0
    if start < 0:
        return lab("/", "url")
    end = s.find("?", start)
    end = end if end >= 0 else (s.find("#", start) if s.find("#", start) >= 0 else len(s))
    pth = s[start:end]
    spans = []
    if isinstance(u, V):
        for a, b, c in u.spans:
            if a >= start and b <= end:
                spans.append([a - start, b - start, c])
    classes = ["url"] + sorted({c for _, _, c in spans})
    return V(pth, classes, spans)


def user_identity():
    """returns userId V (sometimes an email)."""
    if R.random() < 0.2:
        return lab(email_for(), "user_id", "email")
    return lab(user_id(), "user_id")


def segment_message(typ=None, llm=False):
    typ = typ or ch(["track", "track", "track", "identify", "page", "group", "screen"])
    m = {"type": typ, "messageId": ch([uuid4(), "ajs-next-" + hexs(32), "api-" + ulid()]), "timestamp": ts()}
    mobile = typ == "screen" or R.random() < 0.3
    if R.random() < 0.85:
        m["anonymousId"] = lab(device_id() if mobile else uuid4(), "device_id")
    if R.random() < 0.8:
        m["userId"] = user_identity()
    m["context"] = seg_context("mobile" if mobile else "web")
    if typ == "track":
        if llm:
            m["event"], m["properties"] = llm_props()
        else:
            m["event"] = ch(EVENTS)
            m["properties"] = props_pool()
    elif typ == "identify":
        p = person()
        a = address()
        traits = {"email": lab(email_for(p), "email")}
        if R.random() < .5:
            traits["firstName"] = lab(p["given"], "person_name")
            traits["lastName"] = lab(p["family"], "person_name")
        else:
            traits["name"] = lab(p["full"], "person_name")
        if R.random() < .6:
            traits["phone"] = lab(phone(), "phone")
        if R.random() < .6:
            traits["address"] = {"street": lab(a["street"], "street_address"), "city": lab(a["city"], "city"),
                                 "state": lab(a["region"], "region"), "postalCode": lab(a["postal"], "postal_code"),
                                 "country": lab(a["country"], "country")}
        traits["company"] = {"name": ch(["Kestrel Logistics GmbH", "Sakura Denki K.K."]), "id": lab(org_id(), "org_id"),
                             "plan": ch(["Team Annual", "Max"])}
        traits["createdAt"] = ts()
        traits.update(negatives(R.randint(0, 2)))
        m["traits"] = traits
    elif typ == "page":
        m["name"] = ch(["Pricing", "Checkout", "Account Settings"])
        pg = m["context"].get("page")
        u = url(embed=ch([None, "email", "secret"]))
        m["properties"] = {"url": u, "path": path_label(u), "title": free("title")}
        if R.random() < 0.5:
            m["properties"]["referrer"] = referrer()
        m["properties"].update(negatives(R.randint(0, 2)))
    elif typ == "group":
        m["groupId"] = lab(org_id(), "org_id")
        m["traits"] = {"name": ch(["Baobab Africa PLC", "Fjordline Analytics AS"]), "industry": "Logistics",
                       "employees": R.randint(10, 5000), "plan": ch(["Enterprise Plus", "Starter (monthly)"])}
        if R.random() < .5:
            m["traits"]["billingAccountId"] = lab(account_id(), "account_id")
    elif typ == "screen":
        m["name"] = ch(["OrderDetail", "Wallet", "ChatThread"])
        m["properties"] = props_pool()
    else:  # alias
        m["previousId"] = lab(uuid4(), "device_id")
        m["userId"] = user_identity()
    return m


def segment_body(llm=False):
    if R.random() < 0.45:
        n = ch([1, 1, 2, 3, 5, 12]) if not llm else ch([1, 1, 2, 4])
        msgs = [segment_message("track" if llm else None, llm=llm) for _ in range(n)]
        if llm:
            for mm in msgs:
                mm["type"] = "track"
        return {"batch": msgs, "sentAt": ts(), "context": {"library": {"name": "analytics-python", "version": "2.3.3"}}} if R.random() < .3 else {"batch": msgs, "sentAt": ts()}
    return segment_message("track" if llm else None, llm=llm)


# ---------------------------------------------------------------- llm
def llm_props():
    ev = ch(["LLM Completion", "Chat Message Sent", "Tool Call Failed", "RAG Query", "Assistant Feedback", "Embedding Batch"])
    style_ = ch(range(3))
    pr = {}
    model = lab(ch(MODELS), "model_name")
    if style_ == 0:
        pr["gen_ai"] = {"request": {"model": model, "temperature": round(R.uniform(0, 1.2), 2), "max_tokens": ch([256, 1024, 4096])},
                        "response": {"model": lab(model.v, "model_name"), "id": "chatcmpl-" + alnum(24), "finish_reason": ch(["stop", "length", "tool_calls"])},
                        "usage": {"input_tokens": R.randint(10, 90000), "output_tokens": R.randint(1, 4000)}}
        root = pr
    elif style_ == 1:
        pr["modelId"] = model
        pr["provider"] = ch(["openai", "anthropic", "bedrock", "vertex", "groq"])
        pr["promptTokens"], pr["completionTokens"] = R.randint(10, 9000), R.randint(1, 3000)
    else:
        pr["llm"] = {"model_name": model, "latency_ms": R.randint(80, 40000), "cost_usd": round(R.uniform(0, 0.5), 5)}
    if R.random() < .8:
        pr[ch(["promptCategory", "prompt_category", "prompt_type", "task_category"])] = lab(ch(PROMPT_CATS), "prompt_category")
    if "Tool" in ev or R.random() < .3:
        if R.random() < .5:
            pr["tool"] = {"name": lab(ch(TOOLS), "tool_name"), "call_id": "call_" + alnum(24)}
        else:
            pr[ch(["toolName", "tool_name", "function_name"])] = lab(ch(TOOLS), "tool_name")
    if "RAG" in ev or R.random() < .3:
        if R.random() < .5:
            pr["retrieval"] = {"knowledge_base_id": lab(KBS(), "knowledge_base_id"), "top_k": R.randint(3, 20), "chunks": R.randint(0, 20)}
        else:
            pr[ch(["kbId", "knowledgeBaseId", "vector_store_id"])] = lab(KBS(), "knowledge_base_id")
    if "Failed" in ev or R.random() < .25:
        code = ch(ERR_CODES)
        if R.random() < .5:
            pr["error"] = {"code": lab(code, "error_code"), "message": free("error"), "retryable": R.random() < .5}
        else:
            pr[ch(["errorCode", "error_code", "llm_error_code"])] = lab(code, "error_code")
        pr["http_status"] = ch([200, 429, 500, 503])
    pr[ch(["tenantId", "tenant_id"])] = lab(tenant_id(), "tenant_id")
    if R.random() < .6:
        pr[ch(["orgId", "organization_id"])] = lab(org_id(), "org_id")
    if R.random() < .5:
        pr[ch(["userEmail", "requester_email", "actor_email"])] = lab(email_for(), "email")
    if R.random() < .8:
        pr[ch(["threadId", "conversation_id", "chatSessionId"])] = lab(ch(["thr_" + alnum(24), "conv-" + uuid4(), ulid()]), "session_id")
    if R.random() < .8:
        t = text(tmpl_prompt(), whole=["prompt_text"])
        pr[ch(["promptPreview", "prompt_excerpt", "input_text", "prompt", "userPrompt"])] = t
    if R.random() < .3:
        pr["feedback"] = {"rating": ch(["thumbs_up", "thumbs_down"]), "comment": free("support")}
    pr["app_version"] = version4()
    pr.update(negatives(R.randint(0, 2)))
    return ev, pr


# ---------------------------------------------------------------- mixpanel
def mixpanel_body():
    token = hexs(32)
    out = []
    for _ in range(ch([1, 1, 2, 3, 6, 10])):
        dev = uuid4()
        kind = ch(["anon", "user", "email"])
        pr = {"token": token, "time": 1730000000000 + R.randint(0, 4000000000), "$insert_id": alnum(16, string.ascii_lowercase + string.digits)}
        if kind == "anon":
            pr["distinct_id"] = lab("$device:" + dev, "device_id")
        elif kind == "user":
            u = user_id()
            pr["distinct_id"] = lab(u, "user_id")
            pr["$user_id"] = lab(u, "user_id")
        else:
            e = email_for()
            pr["distinct_id"] = lab(e, "user_id", "email")
            pr["$user_id"] = lab(e, "user_id", "email")
        pr["$device_id"] = lab(dev, "device_id")
        if R.random() < .7:
            u = url(embed=ch([None, None, "email", "secret", "both", "email_path"]))
            pr["$current_url"] = u
            if R.random() < .5:
                pr["$pathname"] = path_label(u)
        r = ch(["direct", "ref", "ref"])
        if r == "direct":
            pr["$referrer"] = "$direct"
            pr["$referring_domain"] = "$direct"
        else:
            rf = referrer()
            pr["$referrer"] = rf
            dom = rf.v.split("://", 1)[-1].split("/")[0]
            pr["$referring_domain"] = lab(dom, "referrer")
        pr["$initial_referrer"] = ch(["$direct", None]) or lab(url(kind="referrer").v, "referrer")
        pr["$browser"] = ch(["Chrome", "Safari", "Firefox", "Samsung Internet"])
        pr["$browser_version"] = ch([131, 18.1, 132])
        pr["$os"] = ch(["Windows", "Mac OS X", "Android", "iOS"])
        pr["$screen_height"], pr["$screen_width"] = ch([(1080, 1920), (2556, 1179), (900, 1440)])
        pr["$lib_version"] = f"2.{R.randint(40, 56)}.0"
        pr["mp_lib"] = "web"
        if R.random() < .6:
            g = geo()
            pr["$city"] = lab(g[0], "city")
            pr["$region"] = lab(g[1], "region")
            pr["mp_country_code"] = lab(g[2], "country")
        if R.random() < .5:
            pr["ip"] = lab(ip(), "ip_address")
        if R.random() < .3:
            pr["$email"] = lab(email_for(), "email")
            pr["$name"] = lab(person()["full"], "person_name")
            pr["$phone"] = lab(phone(), "phone")
        if R.random() < .3:
            pr["$groups"] = {"Company": lab(org_id(), "org_id")}
        pr["$app_version_string"] = version4() if R.random() < .3 else f"{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}"
        pr.update(props_pool())
        out.append({"event": ch(EVENTS + ["$mp_web_page_view"]), "properties": pr})
    return out


# ---------------------------------------------------------------- amplitude
def amplitude_body():
    evs = []
    for _ in range(ch([1, 1, 2, 3, 7, 10])):
        e = {"event_type": ch(EVENTS), "time": 1730000000000 + R.randint(0, 4000000000),
             "insert_id": uuid4(), "event_id": R.randint(1, 5000)}
        if R.random() < .85:
            e["user_id"] = user_identity()
        e["device_id"] = lab(device_id(), "device_id")
        e["session_id"] = lab(1730000000000 + R.randint(0, 4000000000), "session_id")
        plat = ch(["Web", "iOS", "Android"])
        e["platform"] = plat
        e["os_name"] = {"Web": "Chrome", "iOS": "ios", "Android": "android"}[plat]
        e["os_version"] = ch(["131", "18.1", "14"])
        if plat != "Web":
            e["device_brand"] = ch(["Apple", "samsung", "Google"])
            e["device_model"] = ch(["iPhone15,3", "SM-A546B", "Pixel 8a"])
            e["carrier"] = ch(["T-Mobile", "Telstra", "Vivo"])
            if plat == "iOS":
                e["idfa"] = lab(uuid4().upper(), "device_id")
                e["idfv"] = lab(uuid4().upper(), "device_id")
            else:
                e["adid"] = lab(uuid4(), "device_id")
                e["android_id"] = lab(hexs(16), "device_id")
        e["app_version"] = version4() if R.random() < .5 else f"{R.randint(1, 9)}.{R.randint(0, 40)}.{R.randint(0, 9)}"
        if R.random() < .6:
            g = geo()
            e["city"] = lab(g[0], "city")
            e["region"] = lab(g[1], "region")
            e["country"] = lab(ch([g[2], {"BR": "Brazil", "DE": "Germany", "JP": "Japan"}.get(g[2], g[2])]), "country")
            if R.random() < .6:
                e["location_lat"] = lab(g[3], "geo_coordinates")
                e["location_lng"] = lab(g[4], "geo_coordinates")
        e["language"] = ch(["Portuguese", "Korean", "German"])
        e["ip"] = lab(ip(), "ip_address") if R.random() < .7 else "$remote"
        e["event_properties"] = props_pool()
        up = {}
        if R.random() < .7:
            p = person()
            st = {}
            if R.random() < .5:
                st["email"] = lab(email_for(p), "email")
            st[ch(["name", "displayName"])] = lab(p["full"], "person_name")
            st["plan"] = ch(["Max", "Team Annual"])
            st[ch(["orgId", "org_id"])] = lab(org_id(), "org_id")
            up["$set"] = st
            if R.random() < .5:
                up["$setOnce"] = {"initial_referrer": referrer(), "initial_utm_source": "newsletter"}
            if R.random() < .3:
                up["$add"] = {"login_count": 1}
        if up:
            e["user_properties"] = up
        if R.random() < .2:
            e["price"], e["quantity"], e["revenue"] = 19.99, 2, 39.98
            e["productId"] = ch(NEG_GENERATORS[2:3])()[1]
        evs.append(e)
    return {"api_key": hexs(32), "events": evs, "options": {"min_id_length": 5}}


# ---------------------------------------------------------------- posthog
def posthog_body():
    batch = []
    for _ in range(ch([1, 1, 2, 3, 5, 10])):
        did = uuid4()
        ev = ch(["$pageview", "$autocapture", "$identify", "$screen"] + EVENTS)
        p = {}
        if ev == "$identify" or R.random() < .5:
            dist = user_identity()
        else:
            dist = lab(did, "device_id")
        u = url(embed=ch([None, None, "email", "secret", "both", "email_path"]))
        p["$current_url"] = u
        p["$host"] = u.v.split("://")[1].split("/")[0].split("?")[0]
        p["$pathname"] = path_label(u)
        r = ch(["direct", "ref"])
        if r == "direct":
            p["$referrer"], p["$referring_domain"] = "$direct", "$direct"
        else:
            rf = referrer()
            p["$referrer"] = rf
            p["$referring_domain"] = lab(rf.v.split("://", 1)[-1].split("/")[0], "referrer")
        p["$browser"], p["$os"] = ch(["Chrome", "Firefox", "Mobile Safari"]), ch(["Windows", "Linux", "iOS"])
        p["$device_type"] = ch(["Desktop", "Mobile"])
        p["$session_id"] = lab(ch([uuid4(), "0193" + hexs(4) + "-" + hexs(4) + "-7" + hexs(3) + "-" + ch("89ab") + hexs(3) + "-" + hexs(12)]), "session_id")
        p["$window_id"] = uuid4()
        p["$device_id"] = lab(did, "device_id")
        p["$lib"], p["$lib_version"] = "web", f"1.{R.randint(150, 190)}.{R.randint(0, 9)}"
        if R.random() < .7:
            p["$ip"] = lab(ip(), "ip_address")
        if R.random() < .5:
            g = geo()
            p["$geoip_city_name"] = lab(g[0], "city")
            p["$geoip_subdivision_1_name"] = lab(g[1], "region")
            p["$geoip_country_code"] = lab(g[2], "country")
            p["$geoip_latitude"] = lab(g[3], "geo_coordinates")
            p["$geoip_longitude"] = lab(g[4], "geo_coordinates")
            p["$geoip_time_zone"] = ch(["Europe/Lisbon", "Asia/Seoul"])
        if ev == "$identify":
            p["$anon_distinct_id"] = lab(did, "device_id")
            per = person()
            p["$set"] = {"email": lab(email_for(per), "email"), "name": lab(per["full"], "person_name"),
                         ch(["phone", "mobile"]): lab(phone(), "phone"), "plan": "Max"}
            p["$set_once"] = {"initial_referrer": referrer() if R.random() < .6 else "$direct",
                              "first_seen_app_version": version4(), "signup_source": "ios"}
        if R.random() < .4:
            p["$groups"] = {ch(["company", "organization"]): lab(org_id(), "org_id")}
        p.update(props_pool())
        item = {"event": ev, "distinct_id": dist, "timestamp": ts(), "properties": p}
        if R.random() < .3:
            item["uuid"] = "0193" + hexs(4) + "-" + hexs(4) + "-7" + hexs(3) + "-a" + hexs(3) + "-" + hexs(12)
        batch.append(item)
    return {"api_key": "phc_" + alnum(43), "historical_migration": False, "batch": batch}


# ---------------------------------------------------------------- otlp logs
def anyv(v):
    """python value (maybe V) -> OTLP AnyValue"""
    raw = v.v if isinstance(v, V) else v
    if isinstance(raw, bool):
        return {"boolValue": v}
    if isinstance(raw, int):
        if isinstance(v, V):
            return {"intValue": V(str(raw), v.classes, v.spans)}
        return {"intValue": str(raw)}
    if isinstance(raw, float):
        return {"doubleValue": v}
    return {"stringValue": v}


def kv(k, v):
    return {"key": k, "value": anyv(v)}


def otlp_record():
    attrs = []
    body = None
    c = ch(range(4))
    if c == 0:
        body = {"stringValue": free(ch(["log", "log", "error", "support"]))}
    elif c == 1:
        p = person()
        body = {"kvlistValue": {"values": [
            kv("event", ch(["customer.updated", "payout.created", "login.failed"])),
            {"key": "customer", "value": {"kvlistValue": {"values": [
                kv("email", lab(email_for(p), "email")), kv("display_name", lab(p["full"], "person_name")),
                kv("phone", lab(phone(), "phone")), kv("tier", ch(["gold", "Grace"]))]}}},
            kv("attempt", R.randint(1, 5))]}}
    elif c == 2:
        body = {"stringValue": ch(["request completed", "cache miss", "job finished in PT4.2S"])}
    else:
        body = {"stringValue": free("log")}
    pool = [
        lambda: kv("enduser.id", lab(user_id(), "user_id")),
        lambda: kv("user.id", user_identity()),
        lambda: kv("user.email", lab(email_for(), "email")),
        lambda: kv("user.full_name", lab(person()["full"], "person_name")),
        lambda: kv("client.address", lab(ip(), "ip_address")),
        lambda: kv("network.peer.address", lab(ip(), "ip_address")),
        lambda: kv("user_agent.original", lab(ua(), "user_agent")),
        lambda: {"key": "http.request.header.user-agent", "value": {"arrayValue": {"values": [{"stringValue": lab(ua(), "user_agent")}]}}},
        lambda: {"key": "http.request.header.authorization", "value": {"arrayValue": {"values": [{"stringValue": lab(auth_header(), "secret")}]}}},
        lambda: {"key": "http.request.header.x-api-key", "value": {"arrayValue": {"values": [{"stringValue": lab(secret(), "secret")}]}}},
        lambda: kv("url.full", url(embed=ch([None, "email", "secret", "both", "secret_fragment"]))),
        lambda: kv("url.path", path_label(url(embed=ch([None, "email_path"])))),
        lambda: kv("http.request.header.referer", referrer()),
        lambda: kv("session.id", lab(session_id(), "session_id")),
        lambda: kv("geo.location.lat", lab(geo()[3], "geo_coordinates")),
        lambda: kv("geo.locality.name", lab(geo()[0], "city")),
        lambda: kv("geo.country.iso_code", lab(geo()[2], "country")),
        lambda: kv("geo.postal_code", lab(address()["postal"], "postal_code")),
        lambda: kv("exception.message", free("error")),
        lambda: kv("db.query.text", text(["SELECT id FROM accounts WHERE iban = '", (iban(), "iban"), "' LIMIT 1"])),
        lambda: kv("app.customer.iban", lab(iban(), "iban")),
        lambda: kv("app.payment.card_number", lab(card(), "credit_card")),
        lambda: kv("app.customer.ssn", lab(ssn(), "national_id")),
        lambda: kv("app.org_id", lab(org_id(), "org_id")),
        lambda: kv("app.billing_account.id", lab(account_id(), "account_id")),
        lambda: {"key": "app.notify.recipients", "value": {"arrayValue": {"values": [{"stringValue": lab(email_for(), "email")} for _ in range(R.randint(1, 3))]}}},
        lambda: kv("gen_ai.request.model", lab(ch(MODELS), "model_name")),
        lambda: kv("http.response.status_code", ch([200, 201, 401, 404, 500])),
        lambda: kv("http.request.method", ch(["GET", "POST", "PATCH"])),
        lambda: kv("code.function.name", ch(["handleRefund", "PayoutService.create", "login"])),
        lambda: kv("messaging.message.id", uuid4()),
        lambda: kv("error.type", ch(["java.net.SocketTimeoutException", "ECONNRESET", "CardDeclined"])),
        lambda: kv("app.tracking_number", not_luhn16()),
        lambda: kv("thread.name", ch(["http-nio-8080-exec-7", "tokio-runtime-worker"])),
        lambda: kv("app.build.version", version4()),
    ]
    for _ in range(R.randint(2, 7)):
        attrs.append(ch(pool)())
    if R.random() < .3:
        lat, lon = geo()[3:]
        attrs.append(kv("geo.location.lat", lab(lat, "geo_coordinates")))
        attrs.append(kv("geo.location.lon", lab(lon, "geo_coordinates")))
    t = 1730000000000000000 + R.randint(0, 4 * 10 ** 15)
    sev = ch([(9, "INFO"), (13, "WARN"), (17, "ERROR"), (5, "DEBUG")])
    rec = {"timeUnixNano": str(t), "observedTimeUnixNano": str(t + R.randint(1000, 900000)), "severityNumber": sev[0],
           "severityText": sev[1], "body": body, "attributes": attrs}
    if R.random() < .8:
        rec["traceId"], rec["spanId"], rec["flags"] = hexs(32), hexs(16), 1
    if R.random() < .1:
        rec["droppedAttributesCount"] = 0
    return rec


def otlp_body():
    rls = []
    for _ in range(ch([1, 1, 1, 2, 3])):
        ra = [kv("service.name", ch(["payout-worker", "checkout-api", "assistant-gateway", "auth-edge"])),
              kv("service.version", version4() if R.random() < .6 else f"{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}"),
              kv("service.instance.id", uuid4()),
              kv("deployment.environment.name", ch(["production", "staging"])),
              kv("host.name", ch(NEG_GENERATORS[20:21])()[1]),
              kv("cloud.region", ch(["eu-west-3", "ap-northeast-2", "sa-east-1"])),
              kv("telemetry.sdk.language", ch(["java", "go", "nodejs", "rust"]))]
        if R.random() < .6:
            ra.insert(R.randint(1, len(ra)), kv(ch(["tenant.id", "app.tenant_id"]), lab(tenant_id(), "tenant_id")))
        if R.random() < .2:
            ra.append(kv("k8s.pod.name", f"checkout-api-{hexs(9)}-{alnum(5, string.ascii_lowercase)}"))
        sls = []
        for _ in range(ch([1, 1, 2])):
            sc = {"name": ch(["io.opentelemetry.logback-appender-1.0", "otel-rust", "@opentelemetry/winston-transport"]),
                  "version": f"{R.randint(0, 2)}.{R.randint(0, 60)}.{R.randint(0, 9)}"}
            if R.random() < .2:
                sc["attributes"] = [kv("scope.team", "payments")]
            sls.append({"scope": sc, "logRecords": [otlp_record() for _ in range(ch([1, 1, 2, 3, 5]))],
                        "schemaUrl": "https://opentelemetry.io/schemas/1.27.0"})
        rls.append({"resource": {"attributes": ra}, "scopeLogs": sls})
    return {"resourceLogs": rls}


# ---------------------------------------------------------------- main
FORMATS = {
    "segment": lambda: segment_body(),
    "mixpanel": mixpanel_body,
    "amplitude": amplitude_body,
    "posthog": posthog_body,
    "otlp-logs": otlp_body,
    "llm": lambda: segment_body(llm=True),
}


def main():
    for fmt, gen in FORMATS.items():
        with open(os.path.join(OUT, f"{fmt}.events.jsonl"), "w", encoding="utf-8") as fe, \
                open(os.path.join(OUT, f"{fmt}.labels.jsonl"), "w", encoding="utf-8") as fl:
            for i in range(N_BODIES):
                labels = []
                body = finalize(gen(), "", labels)
                fe.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n")
                fl.write(json.dumps({"line": i, "fields": labels}, ensure_ascii=False, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
