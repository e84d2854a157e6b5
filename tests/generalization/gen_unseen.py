#!/usr/bin/env python3
"""Held-out "unseen shapes" generalization set for `metagate classify`.

Writes FORMAT.events.jsonl / FORMAT.labels.jsonl next to this script for the
six formats (segment, mixpanel, amplitude, posthog, otlp-logs, llm), in the
label format of /work/shared/datasets/README.md, but with other names, other
domains, other key spellings, other nesting and other free-text templates.

Python 3 standard library only, deterministic (fixed seed), no network.
Usage: python3 tests/generalization/gen_unseen.py [--n 250] [--seed 4242] [--out DIR]
"""
import argparse
import base64
import json
import os
import random
import string
import unicodedata
import uuid

R = random.Random()


# --------------------------------------------------------------------------
# Labelled values
# --------------------------------------------------------------------------
class L:
    """A labelled leaf: value plus classes (whole-value first, then embedded
    sorted) and optional spans [start, end, class] in code points."""

    def __init__(self, value, classes, spans=None):
        self.value = value
        self.classes = list(classes)
        self.spans = spans


def text(prefix_classes, *parts, always_span=True):
    """Build a free-text leaf from str parts and (str, class) tuples.

    Returns an L (if anything to label) or a plain str."""
    out, spans, pos = [], [], 0
    for p in parts:
        if isinstance(p, tuple):
            s, c = p
            spans.append([pos, pos + len(s), c])
        else:
            s = p
        out.append(s)
        pos += len(s)
    v = "".join(out)
    emb = sorted({c for _, _, c in spans})
    classes = list(prefix_classes) + [c for c in emb if c not in prefix_classes]
    if not classes:
        return v
    return L(v, classes, spans if spans else None)


def esc(k):
    return k.replace("~", "~0").replace("/", "~1")


def materialize(obj, path, fields):
    if isinstance(obj, L):
        f = {"path": path, "classes": obj.classes}
        if obj.spans:
            f["spans"] = obj.spans
        fields.append(f)
        return obj.value
    if isinstance(obj, dict):
        return {k: materialize(v, path + "/" + esc(k), fields) for k, v in obj.items()}
    if isinstance(obj, list):
        return [materialize(v, path + "/" + str(i), fields) for i, v in enumerate(obj)]
    return obj


# --------------------------------------------------------------------------
# Pools (deliberately disjoint from the shared datasets' pools)
# --------------------------------------------------------------------------
FIRST = ["Amara", "Tomasz", "Hiroshi", "Siobhán", "Oluwaseun", "Mehmet", "Ingrid", "Rafael",
         "Aleksandra", "Kwame", "Dagny", "Thiago", "Yuki", "Leilani", "Giorgos", "Farah",
         "Bogdan", "Anneliese", "Matías", "Zainab", "Ruairí", "Eleni", "Kofi", "Svetlana",
         "Tariq", "Noémie", "Ximena", "Chiara", "Jakub", "Freya", "Emeka", "Ayşe", "Joaquín",
         "Solveig", "Wanjiru", "Dilnoza", "Beatriz", "Hamza", "Marit", "Sipho"]
LAST = ["Okonkwo", "Kowalczyk", "Yamamoto", "Adebayo", "Yılmaz", "Lindqvist", "Carvalho",
        "Wiśniewska", "Mensah", "Haugen", "Oliveira", "Nakamura", "Kahananui", "Papadopoulos",
        "Haddad", "Popescu", "Hoffmann", "Castillo", "Bianchi", "Mwangi", "Rasmussen", "Ivanova",
        "Rahman", "Moreau", "Fitzgerald", "Kovač", "Demir", "Takahashi", "Osei", "Ó Súilleabháin",
        "van der Berg", "Nieminen", "Ndlovu", "Quispe", "Horvath"]
WHOLE_NAMES = ["陈静", "刘洋", "田中 健太", "김민준", "Nguyễn Văn An", "Trần Thị Mai",
               "Ольга Смирнова", "Αλέξανδρος Παπαδόπουλος", "Siobhán Ní Bhriain",
               "José María Quispe Mamani", "Anne-Sophie Moreau", "Jean-Baptiste Kouassi"]

EMAIL_DOMAINS = ["corp.example", "mail.test", "eu.corp.example", "nordwind.co.uk", "kestrel-outdoor.de",
                 "students.uni-example.ac.uk", "proton.me", "gmx.de", "orange.fr", "libero.it",
                 "icloud.com", "yandex.ru", "naver.com", "bigpond.com.au", "Mail.Test", "shop.example.net"]
HOSTS = ["portal.nordwind.co.uk", "app.eu.corp.example", "www.kestrel-outdoor.de", "checkout.mail.test:8443",
         "staging.intranet.corp.example", "m.lumenbank.example", "help.tidewater.io", "console.arcbyte.dev"]
CITY_SETS = [  # (street, postal, city, region, country code, country name, lat, lng)
    ("ul. Floriańska 27", "31-019", "Kraków", "Lesser Poland", "PL", "Poland", 50.0647, 19.9450),
    ("14 Rose Street", "EH2 2PR", "Edinburgh", "Scotland", "GB", "United Kingdom", 55.9533, -3.1883),
    ("Rua de Santa Catarina 312", "4000-447", "Porto", "Porto District", "PT", "Portugal", 41.1496, -8.6109),
    ("2-11-3 Umeda, Kita-ku", "530-0001", "Osaka", "Osaka Prefecture", "JP", "Japan", 34.7025, 135.4959),
    ("27 Adeola Odeku Street", "101241", "Lagos", "Lagos State", "NG", "Nigeria", 6.4281, 3.4219),
    ("Kenyatta Avenue 44", "00100", "Nairobi", "Nairobi County", "KE", "Kenya", -1.2864, 36.8172),
    ("Laugavegur 18", "101", "Reykjavík", "Capital Region", "IS", "Iceland", 64.1466, -21.9426),
    ("Rua XV de Novembro 950", "80020-310", "Curitiba", "Paraná", "BR", "Brazil", -25.4284, -49.2733),
    ("Bryggen 7", "5003", "Bergen", "Vestland", "NO", "Norway", 60.3913, 5.3221),
    ("Tsimiski 43", "546 23", "Thessaloniki", "Central Macedonia", "GR", "Greece", 40.6401, 22.9444),
    ("İstiklal Caddesi 112", "34433", "Istanbul", "Istanbul Province", "TR", "Türkiye", 41.0369, 28.9850),
    ("88 Cuba Street", "6011", "Wellington", "Wellington Region", "NZ", "New Zealand", -41.2924, 174.7787),
    ("1450 Pearl St", "80302", "Boulder", "Colorado", "US", "United States", 40.0150, -105.2705),
    ("Marienplatz 8", "80331", "München", "Bavaria", "DE", "Germany", 48.1374, 11.5755),
    ("12 Grafton Street", "D02 VF65", "Dublin", "Leinster", "IE", "Ireland", 53.3430, -6.2597),
    ("221 Queen St W", "M5V 1Z4", "Ottawa", "Ontario", "CA", "Canada", 45.4215, -75.6972),
]
COMPANIES = ["Nordwind Logistik GmbH", "Tidewater Analytics", "Lumen Bank plc", "Arcbyte Labs", "Kestrel Outdoor",
             "Harbour & Finch Ltd", "Sakura Systems KK"]
PLANS = ["Scale (annual)", "starter_monthly", "Business Plus", "edu-free", "growth-2025"]
LOCALES = ["pt-BR", "nb-NO", "tr-TR", "ja-JP", "pl-PL", "en-IE", "el-GR"]
TZS = ["Pacific/Auckland", "Europe/Warsaw", "Africa/Lagos", "America/Denver", "Atlantic/Reykjavik", "Asia/Tokyo"]
CLOUD_REGIONS = ["europe-west4", "us-east-2", "ap-northeast-1", "eastus2", "eu-north-1"]
PRODUCTS = ["Kestrel Trail Tent 2P", "Merino Base Layer", "Titanium Spork", "Down Quilt 0°C", "Headlamp 400lm"]
UAS = [
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87",
    "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 OPR/111.0.0.0",
    "Mozilla/5.0 (iPad; CPU OS 16_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
]
MODELS = ["claude-3-opus-20240229", "gpt-4.1-mini", "mistral-large-2407", "gemini-2.0-flash", "command-r-plus",
          "llama-3.3-70b-versatile", "o3-mini", "anthropic.claude-3-haiku-20240307-v1:0"]
TOOLS = ["search_docs", "create_ticket", "github.list_prs", "weather_lookup", "salesforce_query", "run_python"]
PCATS = ["translation", "code_review", "brainstorming", "contract_drafting", "onboarding_faq", "it_helpdesk"]
ERRCODES = ["overloaded_error", "invalid_request_error", "ERR_QUOTA_EXHAUSTED", "tool_execution_failed",
            "RESOURCE_EXHAUSTED", "moderation_blocked"]


def ch(seq):
    return R.choice(seq)


def alnum(n, alphabet=string.ascii_letters + string.digits):
    return "".join(R.choice(alphabet) for _ in range(n))


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("Ó", "O")
    return "".join(c for c in s if c.isascii() and (c.isalnum()))


WHOLE_PARTS = {  # full name -> (given, family)
    "陈静": ("静", "陈"), "刘洋": ("洋", "刘"), "田中 健太": ("健太", "田中"), "김민준": ("민준", "김"),
    "Nguyễn Văn An": ("An", "Nguyễn"), "Trần Thị Mai": ("Mai", "Trần"), "Ольга Смирнова": ("Ольга", "Смирнова"),
    "Αλέξανδρος Παπαδόπουλος": ("Αλέξανδρος", "Παπαδόπουλος"), "Siobhán Ní Bhriain": ("Siobhán", "Ní Bhriain"),
    "José María Quispe Mamani": ("José María", "Quispe Mamani"), "Anne-Sophie Moreau": ("Anne-Sophie", "Moreau"),
    "Jean-Baptiste Kouassi": ("Jean-Baptiste", "Kouassi")}


def person():
    if R.random() < 0.15:
        n = ch(WHOLE_NAMES)
        return (n,) + WHOLE_PARTS[n]
    f, l = ch(FIRST), ch(LAST)
    return f"{f} {l}", f, l


def email(first=None, last=None):
    if first is None:
        _, first, last = person()
    f, l = fold(first).lower(), fold(last).lower()
    if not f or not l:
        f, l = "user", str(R.randint(100, 9999))
    d = ch(EMAIL_DOMAINS)
    form = R.randint(0, 6)
    if form == 0:
        loc = f"{f}.{l}"
    elif form == 1:
        loc = f"{f[0]}.{l}"
    elif form == 2:
        loc = f"{f}.{l}+{ch(['billing', 'promo', 'work', 'q3'])}"
    elif form == 3:
        loc = f"{f.upper()}.{l.upper()}"
    elif form == 4:
        loc = f"{f}{l[0]}{R.randint(1, 99)}"
    elif form == 5:
        loc = f"{l}-{f}"
    else:
        loc = f"{f}_{l}"
    return f"{loc}@{d}"


def ipv4():
    while True:
        a = R.choice([5, 31, 37, 41, 62, 77, 81, 88, 94, 102, 109, 141, 151, 176, 185, 193, 197, 200, 213])
        return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def ipv6():
    return "2a02:" + ":".join(f"{R.randint(0, 0xffff):x}" for _ in range(3)) + "::" + f"{R.randint(1, 0xffff):x}"


def ip():
    r = R.random()
    if r < 0.65:
        return ipv4()
    if r < 0.85:
        return ipv6()
    return "::ffff:" + ipv4()


def luhn_digit(s):
    tot = 0
    for i, d in enumerate(reversed(s)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return str((10 - tot % 10) % 10)


def card(fmt=None):
    issuer = R.randint(0, 4)
    if issuer == 0:
        pre, ln = "4" + str(R.randint(10000, 99999)), 16  # Visa
    elif issuer == 1:
        pre, ln = str(R.randint(2221, 2720)), 16  # MC 2-series
    elif issuer == 2:
        pre, ln = ch(["34", "37"]), 15  # Amex
    elif issuer == 3:
        pre, ln = "6011", 16  # Discover
    else:
        pre, ln = str(R.randint(3528, 3589)), 16  # JCB
    body = pre + "".join(str(R.randint(0, 9)) for _ in range(ln - 1 - len(pre)))
    num = body + luhn_digit(body)
    fmt = fmt or ch(["space", "dash", "compact"])
    if fmt == "compact":
        return num
    sep = " " if fmt == "space" else "-"
    if ln == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def luhn_fail16(sep=""):
    body = "".join(str(R.randint(0, 9)) for _ in range(15))
    bad = str((int(luhn_digit(body)) + R.randint(1, 9)) % 10)
    n = body + bad
    return sep.join(n[i:i + 4] for i in range(0, 16, 4)) if sep else n


IBAN_SPECS = {  # country: bban generator
    "IT": lambda: R.choice(string.ascii_uppercase) + dig(10) + dig(12),
    "BE": lambda: dig(12),
    "CH": lambda: dig(17),
    "PL": lambda: dig(24),
    "PT": lambda: dig(21),
    "SE": lambda: dig(20),
    "NO": lambda: dig(11),
    "AT": lambda: dig(16),
    "IE": lambda: "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + dig(14),
    "DK": lambda: dig(14),
    "FI": lambda: dig(14),
}


def dig(n):
    return "".join(str(R.randint(0, 9)) for _ in range(n))


def iban(spaced=None):
    cc = ch(sorted(IBAN_SPECS))
    bban = IBAN_SPECS[cc]()
    rearr = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in rearr)
    chk = 98 - int(num) % 97
    s = f"{cc}{chk:02d}{bban}"
    if spaced is None:
        spaced = R.random() < 0.5
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if spaced else s


def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"


def phone():
    k = R.randint(0, 11)
    d = lambda n: dig(n)
    if k == 0:
        return f"07{R.choice('45789')}{d(2)} {d(6)}"  # UK mobile national
    if k == 1:
        return f"+44 7{R.choice('45789')}{d(2)} {d(6)}"
    if k == 2:
        return f"0{R.choice('67')} {d(2)} {d(2)} {d(2)} {d(2)}"  # FR
    if k == 3:
        return f"+33 {R.choice('67')} {d(2)} {d(2)} {d(2)} {d(2)}"
    if k == 4:
        return ch([f"015{R.choice('1257')} {d(8)}", f"+49 17{R.choice('0123456789')} {d(7)}"])  # DE
    if k == 5:
        area = ch(["415", "312", "617", "206", "512", "303", "404", "720"])
        ex = str(R.randint(2, 9)) + d(2)
        return ch([f"({area}) {ex}-{d(4)}", f"+1 {area}-{ex}-{d(4)}", f"{area}.{ex}.{d(4)}"])
    if k == 6:
        ddd = ch(["21", "31", "41", "51", "61"])
        return ch([f"({ddd}) 9{d(4)}-{d(4)}", f"+55 {ddd} 9{d(4)}-{d(4)}"])
    if k == 7:
        return ch([f"+91 {R.choice('789')}{d(4)} {d(5)}", f"+91{R.choice('789')}{d(9)}"])
    if k == 8:
        return ch([f"0{R.choice('789')}0-{d(4)}-{d(4)}", f"+81 {R.choice('789')}0-{d(4)}-{d(4)}"])
    if k == 9:
        return ch([f"6{d(2)} {d(2)} {d(2)} {d(2)}", f"+34 6{d(2)} {d(3)} {d(3)}"])
    if k == 10:
        return ch([f"04{d(2)} {d(3)} {d(3)}", f"+61 4{d(2)} {d(3)} {d(3)}"])
    return ch([f"+39 3{d(2)} {d(3)} {d(4)}", f"+48 {R.choice('5678')}{d(2)} {d(3)} {d(3)}"])


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt():
    hdr = ch([{"alg": "ES256", "kid": alnum(8), "typ": "JWT"}, {"typ": "JWT", "alg": "RS512"},
              {"alg": "HS512"}])
    pl = {"iss": "https://" + ch(HOSTS).split(":")[0], "sub": uid(), "exp": R.randint(1735000000, 1760000000)}
    return b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + \
        b64u(json.dumps(pl, separators=(",", ":")).encode()) + "." + alnum(43, string.ascii_letters + string.digits + "-_")


def secret():
    k = R.randint(0, 7)
    if k == 0:
        return "sk-proj-" + alnum(24) + "T3BlbkFJ" + alnum(24)
    if k == 1:
        return "AKIA" + alnum(16, string.ascii_uppercase + "234567")
    if k == 2:
        return "ghp_" + alnum(36)
    if k == 3:
        return f"xoxb-{dig(12)}-{dig(13)}-{alnum(24)}"
    if k == 4:
        return jwt()
    if k == 5:
        return "sk_live_" + alnum(24)
    if k == 6:
        return "sk-ant-api03-" + alnum(93, string.ascii_letters + string.digits + "-_") + "AA"
    return "github_pat_" + alnum(22) + "_" + alnum(59)


def auth_header():
    r = R.random()
    if r < 0.6:
        return "Bearer " + ch([jwt(), "ghp_" + alnum(36), "sk-proj-" + alnum(48), alnum(40)])
    return "Token " + ch([hexs(40), "sk_live_" + alnum(24)])


# --- hard negatives --------------------------------------------------------
def ver4():
    return f"{R.randint(1, 12)}.{R.randint(0, 30)}.{R.randint(0, 9)}.{R.randint(1, 254)}"


def timestamp_any():
    return ch(["2025-03-%02dT%02d:%02d:%02d+01:00" % (R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)),
               "Fri, %02d Mar 2025 %02d:%02d:%02d GMT" % (R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)),
               "2025-03-%02d %02d:%02d:%02d.%03d" % (R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59), R.randint(0, 999)),
               "%d/%02d/2025 %02d:%02d" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59))])


def iso_ts():
    return "2025-0%d-%02dT%02d:%02d:%02d.%03dZ" % (R.randint(1, 6), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59),
                                                  R.randint(0, 59), R.randint(0, 999))


def hard_negatives(n=None):
    """A dict of unlabelled look-alikes under new key spellings."""
    cands = [
        ("release", ver4), ("client_version", ver4), ("buildNumber", lambda: R.randint(10000, 99999)),
        ("semver", lambda: f"{R.randint(1, 5)}.{R.randint(0, 20)}.{R.randint(0, 9)}-rc.{R.randint(1, 5)}"),
        ("sku", lambda: f"KST-{ch(['TENT', 'QLT', 'LMP'])}-{R.randint(1, 4)}P-{ch(['GRN', 'SLT', 'OCH'])}"),
        ("orderNumber", lambda: f"SO-2025-{dig(7)}"), ("invoiceNo", lambda: f"INV/2025/{dig(5)}"),
        ("ticketRef", lambda: f"HD-{dig(6)}"), ("commitSha", lambda: hexs(40)),
        ("artifactDigest", lambda: "sha256:" + hexs(64)), ("contentHash", lambda: hexs(64)),
        ("createdAt", timestamp_any), ("occurred_at_ms", lambda: R.randint(1735000000000, 1750000000000)),
        ("timeToResolve", lambda: ch(["P2DT3H", "PT14M32S", "PT1H5M", "P1W"])),
        ("giftCardCode", lambda: luhn_fail16(ch(["", " ", "-"]))), ("trackingNo", lambda: luhn_fail16()),
        ("cardLastFour", lambda: dig(4)), ("swiftCode", lambda: ch(["BNPAFRPPXXX", "COBADEFFXXX", "NWBKGB2L", "UBSWCHZH80A", "DNBANOKK"])),
        ("requestId", lambda: "req_" + alnum(24)), ("eventUuid", uid),
        ("traceparent", lambda: f"00-{hexs(32)}-{hexs(16)}-01"),
        ("productName", lambda: ch(PRODUCTS)), ("companyName", lambda: ch(COMPANIES)), ("planTier", lambda: ch(PLANS)),
        ("uiLocale", lambda: ch(LOCALES)), ("tz", lambda: ch(TZS)), ("cloudRegion", lambda: ch(CLOUD_REGIONS)),
        ("hostname", lambda: f"ingest-{hexs(9)}-{alnum(5, string.ascii_lowercase + string.digits)}"),
        ("browserName", lambda: ch(["Firefox", "Samsung Internet", "Opera", "Edge"])),
        ("osName", lambda: ch(["Ubuntu 24.04", "macOS 14.5", "Windows 11", "ChromeOS"])),
        ("experimentVariant", lambda: ch(["control", "treatment_b", "new_onboarding_v3"])),
        ("amountMinor", lambda: R.randint(100, 99999)), ("currencyCode", lambda: ch(["NOK", "PLN", "JPY", "TRY"])),
    ]
    n = n or R.randint(2, 6)
    return {k: f() for k, f in R.sample(cands, n)}


# --------------------------------------------------------------------------
# Value builders for labelled leaves
# --------------------------------------------------------------------------
def url_value(cls="url", allow_emb=True, host=None):
    host = host or ch(HOSTS)
    path = ch(["/account/billing/invoices/INV-2025-%s" % dig(5), "/de/warenkorb", "/help/articles/4410-reset-2fa",
               "/w/%s/reports/q3" % alnum(6).lower(), "/settings/security", "/p/merino-base-layer?size=M&color=slate",
               "/ja/mypage/orders"])
    base = f"https://{host}"
    r = R.random() if allow_emb else 1.0
    if r < 0.15:
        e = email()
        pre = f"{base}/team/members/"
        v = pre + e + "/permissions"
        return L(v, [cls, "email"], [[len(pre), len(pre) + len(e), "email"]])
    if r < 0.27:
        e = email().replace("@", "%40")
        pre = f"{base}/newsletter/confirm?lang=en&subscriber="
        return L(pre + e + "&src=footer", [cls, "email"], [[len(pre), len(pre) + len(e), "email"]])
    if r < 0.40:
        s = secret()
        pre = f"{base}{path.split('?')[0]}{ch(['?auth=', '?apiKey=', '?session_token=', '#access_token=', '?lang=de&key='])}"
        return L(pre + s + ch(["", "&ref=nav", "&expires_in=3600"]), [cls, "secret"], [[len(pre), len(pre) + len(s), "secret"]])
    if r < 0.46:
        e = email()
        s = secret()
        pre = f"{base}/share/"
        mid = "/export.csv?signature="
        v = pre + e + mid + s
        a = len(pre)
        b = a + len(e) + len(mid)
        return L(v, [cls, "email", "secret"], [[a, a + len(e), "email"], [b, b + len(s), "secret"]])
    return L(base + path, [cls])


def path_value():
    r = R.random()
    if r < 0.2:
        e = email()
        pre = "/team/members/"
        return L(pre + e, ["url", "email"], [[len(pre), len(pre) + len(e), "email"]])
    return L(ch(["/de/warenkorb", "/settings/security", "/ja/mypage/orders", "/w/%s/reports/q3" % alnum(6).lower(),
                 "/help/articles/4410-reset-2fa"]), ["url"])


def referrer_value():
    r = R.random()
    if r < 0.75:
        return L(ch(["https://duckduckgo.com/", "https://www.bing.com/search?q=merino+base+layer",
                     "https://news.ycombinator.com/item?id=%s" % dig(8), "android-app://com.slack/",
                     "https://l.facebook.com/l.php?u=https%3A%2F%2Fkestrel-outdoor.de",
                     "https://www.ecosia.org/search?q=trail+tent", "https://mail.proton.me/u/0/inbox"]), ["referrer"])
    return url_value("referrer")


def ref_domain():
    return L(ch(["duckduckgo.com", "news.ycombinator.com", "www.ecosia.org", "l.facebook.com", "mail.proton.me",
                 "www.bing.com"]), ["referrer"])


def user_id_value():
    r = R.random()
    if r < 0.2:
        return L(email(), ["user_id", "email"])
    return L(ch([f"mbr-{dig(7)}", uid(), f"U{alnum(10, string.ascii_uppercase + string.digits)}", str(R.randint(100000, 99999999)),
                 f"auth0|{hexs(24)}"]), ["user_id"])


def device_value():
    return L(ch([uid().upper(), hexs(16), f"web-{alnum(21)}", uid()]), ["device_id"])


def session_value():
    return L(ch([uid(), f"s_{alnum(18)}", f"{R.randint(1735000000000, 1750000000000)}"]), ["session_id"])


def org_value():
    return L(ch([f"org-{hexs(8)}", uid(), f"co_{alnum(10)}", f"ORG{dig(6)}"]), ["org_id"])


def tenant_value():
    return L(ch(["tnt_nordwind", "acme-eu-west", f"t-{hexs(6)}", "kestrel-prod"]), ["tenant_id"])


def account_value():
    return L(ch([f"cus_{alnum(14)}", f"BA-{dig(8)}", f"acc-{hexs(10)}"]), ["account_id"])


# --------------------------------------------------------------------------
# Free-text templates (new sentences)
# --------------------------------------------------------------------------
def support_text():
    name, first, last = person()
    k = R.randint(0, 11)
    if k == 0:
        return text([], "🙏 Bonjour, je suis ", (name, "person_name"), " — merci de rappeler au ", (phone(), "phone"), " avant 18h.")
    if k == 1:
        return text([], "Charged twice?! 😡 card ", (card(), "credit_card"), " was billed on 03/14, ref SO-2025-", dig(7), ".")
    if k == 2:
        return text([], "Please wire the refund to my account ", (iban(), "iban"), " (BIC COBADEFFXXX), thanks ", (name, "person_name"))
    if k == 3:
        e = email(first, last)
        return text([], "Kontakt bitte nur über ", (e, "email"), ", die alte Adresse ist gelöscht.")
    if k == 4:
        c = ch(CITY_SETS)
        return text([], "📦 New delivery address: ", (c[0], "street_address"), ", ", (c[1], "postal_code"), " ", (c[2], "city"), ". Leave at the door.")
    if k == 5:
        return text([], "Verification keeps failing – my social security number ", (ssn(), "national_id"), " is correct, I triple-checked.")
    if k == 6:
        return text([], "Our dev pasted the key ", (secret(), "secret"), " in the chat by accident, please rotate it.")
    if k == 7:
        return text([], "Ich (", (name, "person_name"), ") komme nicht rein, Login von ", (ip(), "ip_address"), " wird blockiert.")
    if k == 8:
        return text([], "Gift card ", luhn_fail16(" "), " shows zero balance, order ", f"SO-2025-{dig(7)}", " — what's up?")
    if k == 9:
        return text([], "Love the new tent! ⛺ Works great in the rain.")
    if k == 10:
        e = email()
        return text([], "Ticket HD-", dig(6), ": user ", (e, "email"), " reports 2FA codes arriving late on ", (phone(), "phone"))
    return text([], "ETA for release ", ver4(), "? We're blocked since ", timestamp_any(), ".")


def log_text():
    k = R.randint(0, 11)
    if k == 0:
        return text([], "auth: rejected credential for ", (email(), "email"), " src=", (ip(), "ip_address"), " reason=bad_otp")
    if k == 1:
        return text([], "charge failed pan=", (card("compact"), "credit_card"), " code=card_declined amount=4999")
    if k == 2:
        return text([], "payout queued iban=", (iban(False), "iban"), " batch=PB-", dig(6))
    if k == 3:
        return text([], "[kyc] ssn mismatch for applicant ", (person()[0], "person_name"), " (", (ssn(), "national_id"), ")")
    if k == 4:
        return text([], "outbound call to ", (phone(), "phone"), " completed after 32s")
    if k == 5:
        return text([], "upstream 401 with header Authorization: Bearer ", (jwt(), "secret"))
    if k == 6:
        c = ch(CITY_SETS)
        return text([], "geocode miss: \"", (c[0], "street_address"), ", ", (c[1], "postal_code"), " ", (c[2], "city"), "\"")
    if k == 7:
        return text([], "cache warmup finished in ", str(R.randint(20, 900)), "ms for build ", ver4())
    if k == 8:
        return text([], "GET /v2/members/", (email(), "email"), "/avatar 304 3ms")
    if k == 9:
        return text([], "⚠️ config reload: leaked token ", (secret(), "secret"), " found in env, masking")
    if k == 10:
        return text([], "request_id=", uid(), " trace=", hexs(32), " status=200 dur=PT0.412S")
    return text([], "user ", (person()[0], "person_name"), " changed mobile to ", (phone(), "phone"))


def search_text():
    r = R.random()
    if r < 0.2:
        return text([], (person()[0], "person_name"))
    if r < 0.35:
        return text([], (email(), "email"))
    if r < 0.5:
        return text([], (phone(), "phone"))
    if r < 0.6:
        return text([], "orders from ", (person()[0], "person_name"), " last month")
    return ch(["merino base layer xl", "tent 2p green", "how to reset 2fa", "SO-2025-%s" % dig(7), "invoice INV/2025/%s" % dig(5),
               "down quilt 0°C", "release notes " + ver4()])


def title_text():
    name = person()[0]
    k = R.randint(0, 4)
    if k == 0:
        return text([], (name, "person_name"), "'s dashboard · Tidewater")
    if k == 1:
        return text([], "Profile – ", (name, "person_name"), " | Nordwind")
    if k == 2:
        return text([], "🧾 Receipt R-", dig(5), " for ", (name, "person_name"))
    return ch(["Checkout · Kestrel Outdoor", "Sicherheitseinstellungen", "Release notes 4.2.0.17", "マイページ"])


def prompt_text():
    name, first, last = person()
    k = R.randint(0, 11)
    P = ["prompt_text"]
    if k == 0:
        return text(P, "Rewrite this more formally: \"hey ", (name, "person_name"), ", ping me at ", (email(first, last), "email"), "\"")
    if k == 1:
        return text(P, "Is ", (iban(), "iban"), " a valid IBAN? 🤔")
    if k == 2:
        return text(P, "Fill in the W-9 for ", (name, "person_name"), " using SSN ", (ssn(), "national_id"))
    if k == 3:
        return text(P, "Here is my config: OPENAI_KEY=", (secret(), "secret"), " why does it 401?")
    if k == 4:
        return text(P, "Customer says card ", (card(), "credit_card"), " was declined, draft an apology")
    if k == 5:
        return text(P, "Traduis en anglais : « appelez-moi au ", (phone(), "phone"), " »")
    if k == 6:
        c = ch(CITY_SETS)
        return text(P, "Format this as a shipping label: ", (name, "person_name"), ", ", (c[0], "street_address"), ", ",
                    (c[1], "postal_code"), " ", (c[2], "city"))
    if k == 7:
        return text(P, "Why is traffic from ", (ip(), "ip_address"), " hitting our rate limit?")
    if k == 8:
        return text(P, "Summarize the Q3 roadmap for the leadership offsite")
    if k == 9:
        return text(P, "Explain the difference between SKU KST-TENT-2P-GRN and build ", ver4())
    if k == 10:
        return text(P, "日本語で要約して: ", (name, "person_name"), " からのメール")
    return text(P, "Write SQL to find orders where tracking number = '", luhn_fail16(), "'")


# --------------------------------------------------------------------------
# Custom property scenarios (shared by the analytics formats)
# --------------------------------------------------------------------------
def scenario():
    """Returns (event name, properties dict with L leaves)."""
    k = R.randint(0, 11)
    name, first, last = person()
    c = ch(CITY_SETS)
    if k == 0:
        props = {"customer": {K("person_name"): L(name, ["person_name"]), K("email"): L(email(first, last), ["email"]),
                              "billing": {"address": {K("street_address"): L(c[0], ["street_address"]), K("city"): L(c[2], ["city"]),
                                                      K("postal_code"): L(c[1], ["postal_code"]),
                                                      K("country"): L(c[4] if R.random() < 0.6 else c[5], ["country"])}}},
                 "cardLastFour": dig(4), "orderNumber": f"SO-2025-{dig(7)}",
                 "lineItems": [{"sku": f"KST-{alnum(4).upper()}", "productName": ch(PRODUCTS), "qty": R.randint(1, 3)}]}
        return "Checkout Completed", props
    if k == 1:
        props = {"ticketRef": f"HD-{dig(6)}", "channel": ch(["web", "email", "chat"]), K("free"): support_text()}
        if R.random() < 0.5:
            props[K("email")] = L(email(first, last), ["email"])
        return "Support Request Submitted", props
    if k == 2:
        return "Products Searched", {K("search"): search_text(), "resultsCount": R.randint(0, 40)}
    if k == 3:
        props = {K("org_id"): org_value(), "invitees": [
            {ch(["e-mail", "emailAddress", "inviteeEmail"]): L(email(), ["email"]), "role": ch(["admin", "member", "viewer"])}
            for _ in range(R.randint(1, 3))]}
        if R.random() < 0.5:
            props["cc"] = [L(email(), ["email"]) for _ in range(R.randint(1, 2))]
        return "Team Members Invited", props
    if k == 4:
        props = {"payment": {"card": {ch(["number", "pan", "cardNumber"]): L(card(), ["credit_card"]),
                                      ch(["holder", "cardholderName", "nameOnCard"]): L(name, ["person_name"]),
                                      "brand": ch(["visa", "amex", "jcb", "discover", "mastercard"]),
                                      "expiry": f"{R.randint(1, 12):02d}/{R.randint(26, 31)}"}},
                 K("account_id"): account_value(), "giftCardCode": luhn_fail16(ch(["", " "]))}
        return "Payment Info Entered", props
    if k == 5:
        sv = ssn() if R.random() < 0.85 else ssn().replace("-", "")
        props = {K("iban"): L(iban(), ["iban"]), "swiftCode": ch(["BNPAFRPPXXX", "NWBKGB2L", "DNBANOKK"]),
                 K("national_id"): L(sv, ["national_id"]), K("phone"): L(phone(), ["phone"])}
        return "KYC Submitted", props
    if k == 6:
        geo = ch([{"lat": L(c[6], ["geo_coordinates"]), "lng": L(c[7], ["geo_coordinates"])},
                  {"latitude": L(c[6], ["geo_coordinates"]), "longitude": L(c[7], ["geo_coordinates"])},
                  {"lat": L(c[6], ["geo_coordinates"]), "lon": L(c[7], ["geo_coordinates"])}])
        props = {ch(["geo", "coords", "position"]): geo,
                 K("city"): L(c[2], ["city"]), K("region"): L(c[3], ["region"]), K("country"): L(c[5], ["country"]),
                 K("ip_address"): L(ip(), ["ip_address"])}
        return "Store Locator Used", props
    if k == 7:
        props = {K("device_id"): device_value(), K("session_id"): L(uid(), ["session_id"]), K("user_id"): user_id_value(),
                 K("tenant_id"): tenant_value(), K("url"): url_value(), K("referrer"): referrer_value(),
                 K("user_agent"): L(ch(UAS), ["user_agent"])}
        return "Landing Viewed", props
    if k == 8:
        props = {"integration": {"provider": ch(["github", "slack", "stripe", "aws"]),
                                 K("secret"): L(secret(), ["secret"])},
                 "webhookUrl": url_value(), K("ip_address"): L(ip(), ["ip_address"])}
        if R.random() < 0.4:
            props["requestHeaders"] = {"Authorization": L(auth_header(), ["secret"]), "Accept": "application/json",
                                       "X-Request-Id": uid()}
        if R.random() < 0.3:
            props["oauth"] = {"client_id": f"cli_{alnum(16)}", "client_secret": L(alnum(40), ["secret"])}
        return "Integration Connected", props
    if k == 9:
        props = {"attendees": [(lambda nm: {"displayName": L(nm[0], ["person_name"]),
                                            "emailAddress": L(email(nm[1], nm[2]), ["email"]),
                                            "responseStatus": ch(["accepted", "tentative"])})(person())
                               for _ in range(R.randint(1, 3))],
                 "meetingTitle": "Quarterly review", "durationIso": ch(["PT30M", "PT1H"])}
        return "Meeting Scheduled", props
    if k == 10:
        props = {"recipient": {"name": L(name, ["person_name"]), K("phone"): L(phone(), ["phone"]),
                               "address": {K("street_address"): L(c[0], ["street_address"]), K("postal_code"): L(c[1], ["postal_code"]),
                                           K("city"): L(c[2], ["city"]), K("region"): L(c[3], ["region"]), K("country"): L(c[4], ["country"])}},
                 "trackingNo": luhn_fail16(), "carrier": ch(["DHL", "PostNord", "Yamato"])}
        return "Shipment Created", props
    props = {"profile": {"givenName": L(first, ["person_name"]), "familyName": L(last, ["person_name"]),
                         K("phone"): L(phone(), ["phone"]), K("postal_code"): L(c[1], ["postal_code"]),
                         K("email"): L(email(first, last), ["email"])},
             K("org_id"): L(uid(), ["org_id"])}
    return "Profile Updated", props


KEYS = {  # other spellings a reasonable engineer would use for the same meaning
    "email": ["emailAddr", "contact_email_address", "userEmail", "e-mail", "primaryEmail", "Email", "email_addr",
              "billing.email", "notifyEmail"],
    "phone": ["mobileNumber", "tel", "phone_e164", "contactPhone", "msisdn", "mobile", "phoneNo", "cell"],
    "person_name": ["fullName", "displayName", "cardholderName", "recipientName", "customer_full_name", "contactName",
                    "holder_name", "Name"],
    "ip_address": ["clientIP", "ip_addr", "remoteAddr", "sourceIp", "x_real_ip", "clientIp", "ipAddress"],
    "user_id": ["memberId", "uid", "externalUserId", "userUUID", "user.id"],
    "device_id": ["visitorId", "deviceUUID", "installationId", "browserId", "idfv", "gaid", "hardwareId"],
    "session_id": ["sessionUUID", "sid", "session.id", "visitSessionId"],
    "org_id": ["orgUuid", "organizationId", "companyId", "org.id", "orgID", "accountOrgId"],
    "tenant_id": ["tenantId", "tenant_slug", "tenant.id", "tenantRef", "tenantName"],
    "account_id": ["billingAccountId", "billing_account_id", "accountRef"],
    "credit_card": ["cardNumber", "pan", "ccNum", "card_no", "creditCardNumber"],
    "iban": ["ibanNumber", "iban_code", "payoutIban", "bankIban", "IBAN"],
    "national_id": ["ssn", "socialSecurityNumber", "nationalId", "ssn_full", "taxpayerSsn"],
    "secret": ["apiToken", "secretKey", "stripeSecretKey", "slackBotToken", "githubToken", "aws_access_key_id",
               "privateToken", "accessToken", "x-api-key"],
    "url": ["pageUrl", "landingPage", "href", "canonical_url", "deepLinkUrl", "redirectUri", "callback_url"],
    "referrer": ["referer", "referrerUrl", "initialReferrer", "ref_url"],
    "street_address": ["street1", "addressLine1", "line1", "streetAddress", "address1"],
    "city": ["locality", "cityName", "town", "City"],
    "region": ["stateProvince", "state", "province", "regionName", "county"],
    "postal_code": ["zipCode", "postcode", "postalCode", "zip_code", "PLZ"],
    "country": ["countryCode", "country_iso", "countryName", "Country"],
    "user_agent": ["ua", "browserUserAgent", "userAgentString", "http_user_agent"],
    "free": ["notes", "details", "ticketBody", "chat_message", "reason", "feedbackText", "comment_text", "userMessage"],
    "search": ["searchTerm", "q", "search_query", "keywords", "searchString"],
}


def K(cls):
    return ch(KEYS[cls])


def with_negs(props):
    props.update(hard_negatives())
    return props


# --------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------
def n_events():
    r = R.random()
    if r < 0.88:
        return R.randint(1, 3)
    return R.randint(4, 12)


def seg_context(web=True):
    c = ch(CITY_SETS)
    ctx = {"ip": L(ip(), ["ip_address"]), "locale": ch(LOCALES), "timezone": ch(TZS),
           "library": {"name": ch(["analytics.js", "analytics-swift", "analytics-python"]), "version": ch(["5.2.0", "1.6.1"])}}
    if web:
        ctx["userAgent"] = L(ch(UAS), ["user_agent"])
        ctx["page"] = {"path": path_value(), "url": url_value(), "referrer": referrer_value(),
                       "title": title_text(), "search": ch(["", "?utm_source=mastodon&utm_medium=social"])}
    else:
        ctx["device"] = {"id": device_value(), "advertisingId": L(uid().upper(), ["device_id"]),
                         "adTrackingEnabled": True, "manufacturer": "Apple", "model": "iPhone15,3"}
        ctx["app"] = {"name": "Kestrel", "version": f"4.{R.randint(0, 9)}.{R.randint(0, 9)}", "build": str(R.randint(1000, 9999))}
        ctx["os"] = {"name": "iOS", "version": "17.5"}
        ctx["network"] = {"carrier": ch(["Telenor", "Vodafone", "Orange"]), "wifi": False}
    if R.random() < 0.5:
        ctx["location"] = {"city": L(c[2], ["city"]), "country": L(c[5], ["country"]), "region": L(c[3], ["region"]),
                           "latitude": L(c[6], ["geo_coordinates"]), "longitude": L(c[7], ["geo_coordinates"])}
    if R.random() < 0.3:
        ctx["groupId"] = org_value()
    return ctx


def seg_message(llm=False):
    t = "track" if llm else ch(["track", "track", "track", "identify", "page", "group"])
    m = {"type": t, "messageId": ch([uid(), f"ajs-{hexs(32)}", f"python-{uid()}"]), "timestamp": iso_ts()}
    if R.random() < 0.85:
        m["anonymousId"] = device_value()
    if R.random() < 0.8 or "anonymousId" not in m:
        m["userId"] = user_id_value()
    m["context"] = seg_context(web=R.random() < 0.6)
    if llm:
        ev, props = llm_props()
        m["event"] = ev
        m["properties"] = props
    elif t == "track":
        ev, props = scenario()
        m["event"] = ev
        m["properties"] = with_negs(props)
    elif t == "identify":
        name, first, last = person()
        c = ch(CITY_SETS)
        traits = {"email": L(email(first, last), ["email"]), "firstName": L(first, ["person_name"]), "lastName": L(last, ["person_name"]),
                  "phone": L(phone(), ["phone"]),
                  "address": {"street": L(c[0], ["street_address"]), "city": L(c[2], ["city"]), "state": L(c[3], ["region"]),
                              "postalCode": L(c[1], ["postal_code"]), "country": L(c[4], ["country"])},
                  "company": {"id": org_value(), "name": ch(COMPANIES), "plan": ch(PLANS)},
                  "createdAt": timestamp_any()}
        if R.random() < 0.5:
            traits["customer.fullName"] = L(name, ["person_name"])
        m["traits"] = traits
    elif t == "page":
        m["name"] = ch(["Pricing", "Account", "Docs"])
        m["properties"] = {"url": url_value(), "path": path_value(), "referrer": referrer_value(), "title": title_text(),
                           "release": ver4()}
    else:
        m["groupId"] = org_value()
        m["traits"] = {"name": ch(COMPANIES), "industry": "Logistics", "employees": R.randint(5, 5000), "plan": ch(PLANS),
                       "billingEmail": L(email(), ["email"]), "website": L(f"https://{ch(HOSTS)}/", ["url"])}
    return {k: v for k, v in m.items()}


def gen_segment():
    if R.random() < 0.6:
        return {"batch": [seg_message() for _ in range(n_events())], "sentAt": iso_ts(), "writeKey": alnum(32)} \
            if R.random() < 0.2 else {"batch": [seg_message() for _ in range(n_events())], "sentAt": iso_ts()}
    return seg_message()


def llm_props():
    name, first, last = person()
    ev = ch(["AI Completion Finished", "Assistant Tool Invoked", "Copilot Request Failed", "Retrieval Performed", "Chat Turn"])
    p = {ch(["gen_ai.request.model", "modelId", "llm_model"]): L(ch(MODELS), ["model_name"]),
         ch(["gen_ai.system", "provider"]): ch(["anthropic", "openai", "mistral", "aws.bedrock"]),
         ch(["promptCategory", "prompt.category", "promptType"]): L(ch(PCATS), ["prompt_category"]),
         ch(["threadId", "chatSessionId"]): L(f"thr_{alnum(20)}", ["session_id"]),
         ch(["tenantId", "tenant_slug"]): tenant_value(), ch(["orgId", "organizationId"]): org_value(),
         ch(["userEmail", "requesterEmail"]): L(email(first, last), ["email"]),
         "gen_ai.usage.input_tokens": R.randint(10, 120000), "gen_ai.usage.output_tokens": R.randint(1, 8000),
         "durationMs": R.randint(80, 60000), "responseId": f"chatcmpl-{alnum(24)}", "finishReason": ch(["stop", "length", "tool_calls"]),
         "client_version": ver4()}
    if "Tool" in ev or R.random() < 0.3:
        p[ch(["toolName", "function_name"])] = L(ch(TOOLS), ["tool_name"])
    if "Retrieval" in ev or R.random() < 0.3:
        p[ch(["kbId", "knowledgeBaseId", "vectorStoreId"])] = L(ch([f"vs_{alnum(24)}", f"kb-hr-policies-{ch(['eu', 'us'])}", f"kb_{hexs(12)}"]),
                                                                  ["knowledge_base_id"])
    if "Failed" in ev or R.random() < 0.15:
        p[ch(["errorCode", "error.code"])] = L(ch(ERRCODES + [529, 413]), ["error_code"])
    key = ch(["promptPreview", "prompt_excerpt", "inputPreview"])
    pt = prompt_text()
    if R.random() < 0.25:
        p["prompt"] = {"preview": pt, "chars": R.randint(10, 4000)}
    else:
        p[key] = pt
    return ev, p


def gen_llm():
    if R.random() < 0.7:
        return {"batch": [seg_message(llm=True) for _ in range(n_events())], "sentAt": iso_ts()}
    return seg_message(llm=True)


def gen_mixpanel():
    evs = []
    for _ in range(min(n_events(), 10)):
        ev, props = scenario()
        c = ch(CITY_SETS)
        dev = uid()
        base = {"token": hexs(32), "time": ch([R.randint(1735000000, 1750000000), R.randint(1735000000000, 1750000000000)]),
                "$insert_id": alnum(16, string.ascii_lowercase + string.digits)}
        if R.random() < 0.4:
            base["distinct_id"] = L("$device:" + dev, ["device_id"])
        else:
            base["distinct_id"] = user_id_value()
            base["$user_id"] = L(base["distinct_id"].value, list(base["distinct_id"].classes))
        base["$device_id"] = L(dev, ["device_id"])
        base["$current_url"] = url_value()
        if R.random() < 0.6:
            base["$referrer"] = referrer_value()
            base["$referring_domain"] = ref_domain()
        else:
            base["$initial_referrer"] = "$direct"
            base["$initial_referring_domain"] = "$direct"
        base.update({"$browser": ch(["Firefox", "Samsung Internet", "Opera"]), "$os": ch(["Linux", "Android", "Mac OS X"]),
                     "$screen_width": 1920, "mp_lib": "web", "$lib_version": "2.55.1",
                     "$city": L(c[2], ["city"]), "$region": L(c[3], ["region"]), "mp_country_code": L(c[4], ["country"])})
        if R.random() < 0.4:
            name, first, last = person()
            base.update({"$email": L(email(first, last), ["email"]), "$name": L(name, ["person_name"]),
                         "$phone": L(phone(), ["phone"])})
        if R.random() < 0.3:
            base["$groups"] = {"Workspace": org_value()} if False else {"company_id": org_value()}
        if R.random() < 0.5:
            base["ip"] = L(ipv4(), ["ip_address"])
        base.update(with_negs(props))
        evs.append({"event": ev, "properties": base})
    return evs


def gen_amplitude():
    evs = []
    for _ in range(min(n_events(), 10)):
        ev, props = scenario()
        c = ch(CITY_SETS)
        e = {"user_id": user_id_value() if R.random() < 0.8 else None, "device_id": device_value(),
             "event_type": ev, "time": R.randint(1735000000000, 1750000000000), "insert_id": uid(),
             "session_id": L(R.randint(1735000000000, 1750000000000), ["session_id"]),
             "event_id": R.randint(1, 500), "platform": ch(["iOS", "Android", "Web"]), "os_name": ch(["ios", "android", "Firefox"]),
             "os_version": ch(["17.5", "14", "128"]), "device_brand": ch(["Apple", "samsung", "Google"]),
             "device_model": ch(["iPhone15,3", "SM-S911B", "Pixel 9"]), "carrier": ch(["Telenor", "Play", "Vodafone UK"]),
             "language": ch(["Polish", "Norwegian", "Japanese"]), "app_version": ver4(), "library": "amplitude-swift/1.9.2"}
        if R.random() < 0.6:
            e.update({"country": L(c[5], ["country"]), "region": L(c[3], ["region"]), "city": L(c[2], ["city"]),
                      "location_lat": L(c[6], ["geo_coordinates"]), "location_lng": L(c[7], ["geo_coordinates"])})
        e["ip"] = L(ip(), ["ip_address"]) if R.random() < 0.5 else "$remote"
        if R.random() < 0.3:
            e[ch(["idfv", "idfa", "adid", "android_id"])] = L(uid().upper(), ["device_id"])
        e["event_properties"] = with_negs(props)
        up = {"$set": {"plan": ch(PLANS), "preferredLocale": ch(LOCALES)}}
        if R.random() < 0.5:
            name, first, last = person()
            up["$set"]["userEmail"] = L(email(first, last), ["email"])
            up["$setOnce"] = {"fullName": L(name, ["person_name"]), "initial_referrer": referrer_value(),
                              "initial_referring_domain": ref_domain()}
        e["user_properties"] = up
        if R.random() < 0.3:
            e["groups"] = {"org id": org_value()} if False else {"company": org_value()}
        evs.append(e)
    body = {"api_key": hexs(32), "events": evs}
    if R.random() < 0.3:
        body["options"] = {"min_id_length": 5}
    return body


def gen_posthog():
    evs = []
    for _ in range(min(n_events(), 10)):
        dev = uid()
        host = ch(HOSTS)
        p = {"$current_url": url_value(host=host), "$host": host, "$pathname": path_value(),
             "$browser": ch(["Firefox", "Samsung Internet", "Opera"]), "$browser_version": R.randint(100, 130),
             "$os": ch(["Linux", "Android", "Mac OS X"]), "$device_type": ch(["Desktop", "Mobile"]),
             "$session_id": L(uid(), ["session_id"]), "$device_id": L(dev, ["device_id"]),
             "$lib": "web", "$lib_version": "1.180.0", "$window_id": uid()}
        if R.random() < 0.6:
            p["$referrer"] = referrer_value()
            p["$referring_domain"] = ref_domain()
        else:
            p["$referrer"] = "$direct"
            p["$referring_domain"] = "$direct"
        if R.random() < 0.6:
            p["$ip"] = L(ip(), ["ip_address"])
        r = R.random()
        if r < 0.15:
            ev = "$exception"
            p["$exception_type"] = ch(["ValueError", "TypeError", "PaymentError"])
            p["$exception_message"] = ch([
                text([], "PaymentError: card ", (card(), "credit_card"), " rejected by issuer"),
                text([], "TypeError: cannot read properties of undefined (reading 'id') at build ", ver4()),
                text([], "ValidationError: ", (email(), "email"), " is already registered"),
            ])
        elif r < 0.3:
            ev = "$identify"
            p["$anon_distinct_id"] = L(dev, ["device_id"])
            name, first, last = person()
            p["$set"] = {"email": L(email(first, last), ["email"]), "name": L(name, ["person_name"]),
                         "mobile": L(phone(), ["phone"])}
            p["$set_once"] = {"$initial_referrer": referrer_value(), "$initial_referring_domain": ref_domain()}
        else:
            ev, props = scenario()
            p.update(with_negs(props))
        if R.random() < 0.3:
            p["$groups"] = {"company": org_value()}
        distinct = user_id_value() if (ev == "$identify" or R.random() < 0.6) else L(dev, ["device_id"])
        evs.append({"event": ev, "distinct_id": distinct, "timestamp": iso_ts(), "properties": p})
    return {"api_key": "phc_" + alnum(43), "historical_migration": False, "batch": evs}


# --- OTLP --------------------------------------------------------------------
def av(v):
    """Convert a python value (possibly L / list / dict) to an OTLP AnyValue with L at the leaf."""
    if isinstance(v, L):
        if isinstance(v.value, int):
            return {"intValue": L(str(v.value), v.classes, v.spans)}
        return {"stringValue": v}
    if isinstance(v, bool):
        return {"boolValue": v}
    if isinstance(v, int):
        return {"intValue": str(v)}
    if isinstance(v, float):
        return {"doubleValue": v}
    if isinstance(v, list):
        return {"arrayValue": {"values": [av(x) for x in v]}}
    if isinstance(v, dict):
        return {"kvlistValue": {"values": [{"key": k, "value": av(x)} for k, x in v.items()]}}
    return {"stringValue": v}


def attrs(d):
    return [{"key": k, "value": av(v)} for k, v in d.items()]


def log_body():
    r = R.random()
    if r < 0.15:  # structured body (AnyValue map)
        name, first, last = person()
        return av({"message": log_text(), "event": ch(["login_failed", "profile_update", "payout"]),
                   "actor": {"email": L(email(first, last), ["email"]), "ip": L(ip(), ["ip_address"]),
                             "display_name": L(name, ["person_name"])},
                   "attempt": R.randint(1, 5)})
    if r < 0.25:  # JSON serialized into the string body
        e = email()
        i = ipv4()
        pre = '{"level":"warn","msg":"login throttled","user":"'
        mid = '","remote_ip":"'
        v = pre + e + mid + i + '","build":"' + ver4() + '"}'
        a = len(pre)
        b = a + len(e) + len(mid)
        return {"stringValue": L(v, ["email", "ip_address"], [[a, a + len(e), "email"], [b, b + len(i), "ip_address"]])}
    return {"stringValue": log_text()}


def log_record():
    name, first, last = person()
    a = {"http.request.method": ch(["GET", "POST", "PATCH"]), "url.full": url_value(),
         "http.response.status_code": ch([200, 201, 401, 403, 422, 500])}
    opts = [
        ("client.address", lambda: L(ip(), ["ip_address"])),
        ("network.peer.address", lambda: L(ip(), ["ip_address"])),
        ("http.request.header.x-forwarded-for", lambda: [L(ipv4(), ["ip_address"])]),
        ("http.request.header.referer", lambda: [referrer_value()]),
        ("user_agent.original", lambda: L(ch(UAS), ["user_agent"])),
        ("session.id", lambda: L(uid(), ["session_id"])),
        ("enduser.id", lambda: L(R.randint(10000, 9999999), ["user_id"]) if R.random() < 0.3 else user_id_value()),
        ("enduser.email", lambda: L(email(first, last), ["email"])),
        ("http.request.header.authorization", lambda: [L(auth_header(), ["secret"])]),
        ("http.request.header.x-api-key", lambda: [L(secret(), ["secret"])]),
        ("url.path", lambda: path_value()),
        ("app.org_id", lambda: org_value()),
        ("app.customer", lambda: {"name": L(name, ["person_name"]), "email": L(email(first, last), ["email"]),
                                  "tier": ch(PLANS), "billing_account": account_value()}),
        ("app.shipping", lambda: (lambda c: {"street": L(c[0], ["street_address"]), "postal_code": L(c[1], ["postal_code"]),
                                             "city": L(c[2], ["city"]), "country": L(c[4], ["country"])})(ch(CITY_SETS))),
        ("error.type", lambda: ch(["TimeoutError", "card_declined", "ECONNRESET"])),
        ("code.function.name", lambda: ch(["PaymentsService.charge", "auth.verify_otp", "handleWebhook"])),
        ("app.release", ver4), ("app.request_id", uid), ("app.build_sha", lambda: hexs(40)),
        ("http.server.request.duration", lambda: round(R.random() * 3, 3)),
        ("app.gift_card", lambda: luhn_fail16()),
        ("app.retry_after", lambda: ch(["PT30S", "PT2M"])),
    ]
    for k, f in R.sample(opts, R.randint(3, 8)):
        a[k] = f()
    rec = {"timeUnixNano": str(R.randint(1735000000, 1750000000) * 10**9 + R.randint(0, 10**9 - 1)),
           "observedTimeUnixNano": str(R.randint(1735000000, 1750000000) * 10**9),
           "severityNumber": ch([9, 13, 17]), "severityText": ch(["INFO", "WARN", "ERROR"]),
           "body": log_body(), "attributes": attrs(a),
           "traceId": hexs(32), "spanId": hexs(16), "flags": 1}
    if R.random() < 0.1:
        rec["eventName"] = "app.audit"
    return rec


def gen_otlp():
    rls = []
    for _ in range(ch([1, 1, 1, 2])):
        ra = {"service.name": ch(["billing-worker", "edge-proxy", "kyc-svc", "assistant-api"]),
              "service.version": ver4(), "service.instance.id": uid(),
              "host.name": ch([f"ingest-{hexs(9)}-{alnum(5, string.ascii_lowercase)}", f"ip-10-{R.randint(0, 255)}-{R.randint(0, 255)}-{R.randint(1, 254)}.eu-west-1.compute.internal"]),
              "cloud.region": ch(CLOUD_REGIONS), "deployment.environment.name": ch(["prod", "canary"]),
              "k8s.namespace.name": "payments", "telemetry.sdk.name": "opentelemetry"}
        if R.random() < 0.6:
            ra[ch(["tenant.id", "app.tenant", "saas.tenant_id"])] = tenant_value()
        sls = []
        for _ in range(ch([1, 1, 2])):
            scope = {"name": ch(["com.kestrel.billing", "io.opentelemetry.python", "otel-rust-logs"]), "version": ch(["0.47.0", "1.2.3"])}
            if R.random() < 0.4:
                scope["attributes"] = attrs({"app.org_id": org_value(), "app.feature": ch(["checkout", "kyc"])})
            sl = {"scope": scope, "logRecords": [log_record() for _ in range(R.randint(1, 4))]}
            if R.random() < 0.3:  # a schema identifier, not a visited URL: not labelled
                sl["schemaUrl"] = "https://opentelemetry.io/schemas/1.26.0"
            sls.append(sl)
        rls.append({"resource": {"attributes": attrs(ra)}, "scopeLogs": sls})
    return {"resourceLogs": rls}


GENS = {"segment": gen_segment, "mixpanel": gen_mixpanel, "amplitude": gen_amplitude, "posthog": gen_posthog,
        "otlp-logs": gen_otlp, "llm": gen_llm}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()
    for i, (fmt, g) in enumerate(GENS.items()):
        R.seed(a.seed * 100 + i)
        with open(os.path.join(a.out, fmt + ".events.jsonl"), "w", encoding="utf-8") as fe, \
                open(os.path.join(a.out, fmt + ".labels.jsonl"), "w", encoding="utf-8") as fl:
            for line in range(a.n):
                fields = []
                body = materialize(g(), "", fields)
                fe.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n")
                fl.write(json.dumps({"line": line, "fields": fields}, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
