#include "text/places.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "text/city_table.h"
#include "text/given_names.h"

namespace metagate::classify::text {
namespace {

// Cities, '|'-separated, lower case; native and English spellings both listed.
constexpr std::string_view kCities =
    "new york|new york city|los angeles|chicago|houston|phoenix|philadelphia|san antonio|"
    "san diego|dallas|san jose|austin|jacksonville|fort worth|columbus|charlotte|"
    "san francisco|indianapolis|seattle|denver|washington|boston|el paso|nashville|detroit|"
    "oklahoma city|portland|las vegas|memphis|louisville|baltimore|milwaukee|albuquerque|"
    "tucson|fresno|sacramento|kansas city|mesa|atlanta|omaha|colorado springs|raleigh|miami|"
    "long beach|virginia beach|oakland|minneapolis|tulsa|tampa|arlington|new orleans|"
    "cleveland|honolulu|anaheim|orlando|pittsburgh|cincinnati|st. louis|saint louis|"
    "salt lake city|buffalo|newark|jersey city|palo alto|mountain view|sunnyvale|"
    "cupertino|menlo park|berkeley|brooklyn|queens|cambridge|springfield|madison|richmond|"
    "toronto|montreal|montréal|vancouver|calgary|edmonton|ottawa|winnipeg|quebec|québec|"
    "québec city|hamilton|halifax|victoria|mexico city|ciudad de méxico|méxico|mexico|"
    "guadalajara|monterrey|puebla|tijuana|cancún|cancun|havana|la habana|santo domingo|"
    "san juan|panama city|ciudad de panamá|san josé|guatemala city|bogotá|bogota|medellín|"
    "medellin|cali|cartagena|caracas|quito|guayaquil|lima|la paz|santiago|buenos aires|"
    "córdoba|cordoba|rosario|mendoza|montevideo|asunción|asuncion|são paulo|sao paulo|"
    "rio de janeiro|brasília|brasilia|salvador|fortaleza|belo horizonte|manaus|curitiba|"
    "recife|porto alegre|belém|belem|goiânia|goiania|campinas|florianópolis|florianopolis|"
    "london|manchester|birmingham|liverpool|leeds|glasgow|edinburgh|bristol|sheffield|"
    "newcastle|nottingham|leicester|cardiff|belfast|oxford|brighton|southampton|aberdeen|"
    "dublin|cork|galway|paris|marseille|lyon|toulouse|nice|nantes|strasbourg|montpellier|"
    "bordeaux|lille|rennes|reims|grenoble|dijon|brussels|bruxelles|brussel|antwerp|"
    "antwerpen|anvers|ghent|gent|liège|liege|bruges|brugge|amsterdam|rotterdam|the hague|"
    "den haag|'s-gravenhage|utrecht|eindhoven|groningen|tilburg|breda|nijmegen|haarlem|"
    "luxembourg|berlin|hamburg|munich|münchen|muenchen|cologne|köln|koeln|frankfurt|"
    "frankfurt am main|stuttgart|düsseldorf|dusseldorf|duesseldorf|dortmund|essen|leipzig|"
    "bremen|dresden|hanover|hannover|nuremberg|nürnberg|nuernberg|duisburg|bochum|"
    "wuppertal|bielefeld|bonn|münster|muenster|karlsruhe|mannheim|augsburg|wiesbaden|"
    "freiburg|heidelberg|kiel|lübeck|rostock|potsdam|mainz|vienna|wien|graz|linz|salzburg|"
    "innsbruck|zurich|zürich|zuerich|geneva|genève|geneve|genf|basel|bern|berne|lausanne|"
    "lucerne|luzern|lugano|madrid|barcelona|valencia|seville|sevilla|zaragoza|málaga|malaga|"
    "murcia|palma|bilbao|alicante|valladolid|vigo|gijón|granada|las palmas|lisbon|lisboa|"
    "porto|oporto|braga|coimbra|faro|funchal|rome|roma|milan|milano|naples|napoli|turin|"
    "torino|palermo|genoa|genova|bologna|florence|firenze|bari|catania|venice|venezia|"
    "verona|padua|padova|trieste|copenhagen|københavn|kobenhavn|aarhus|odense|aalborg|"
    "stockholm|gothenburg|göteborg|goteborg|malmö|malmo|uppsala|oslo|bergen|trondheim|"
    "stavanger|helsinki|espoo|tampere|turku|reykjavik|reykjavík|warsaw|warszawa|kraków|"
    "krakow|cracow|łódź|lodz|wrocław|wroclaw|poznań|poznan|gdańsk|gdansk|szczecin|lublin|"
    "katowice|prague|praha|brno|ostrava|bratislava|košice|budapest|debrecen|bucharest|"
    "bucurești|bucuresti|cluj-napoca|timișoara|iași|sofia|plovdiv|varna|belgrade|beograd|"
    "novi sad|zagreb|split|ljubljana|sarajevo|skopje|tirana|podgorica|athens|athina|"
    "thessaloniki|nicosia|valletta|istanbul|İstanbul|ankara|izmir|İzmir|bursa|antalya|"
    "adana|moscow|moskva|москва|saint petersburg|st. petersburg|sankt-peterburg|"
    "санкт-петербург|novosibirsk|yekaterinburg|kazan|nizhny novgorod|samara|omsk|"
    "rostov-on-don|ufa|krasnoyarsk|kyiv|kiev|київ|kharkiv|odesa|odessa|dnipro|lviv|minsk|"
    "vilnius|kaunas|riga|rīga|tallinn|tbilisi|yerevan|baku|almaty|astana|tashkent|bishkek|"
    "cairo|al qahirah|alexandria|giza|casablanca|rabat|marrakesh|marrakech|fez|tangier|"
    "algiers|tunis|tripoli|khartoum|addis ababa|nairobi|mombasa|kampala|kigali|dar es salaam|"
    "dodoma|lagos|abuja|ibadan|kano|port harcourt|accra|kumasi|dakar|abidjan|bamako|"
    "ouagadougou|niamey|conakry|freetown|monrovia|lomé|lome|cotonou|douala|yaoundé|yaounde|"
    "kinshasa|brazzaville|luanda|lusaka|harare|maputo|windhoek|gaborone|johannesburg|"
    "cape town|durban|pretoria|port elizabeth|antananarivo|port louis|dubai|abu dhabi|"
    "sharjah|doha|riyadh|jeddah|mecca|medina|dammam|kuwait city|manama|muscat|amman|beirut|"
    "damascus|aleppo|baghdad|basra|erbil|tehran|mashhad|isfahan|shiraz|tabriz|jerusalem|"
    "tel aviv|haifa|karachi|lahore|islamabad|rawalpindi|faisalabad|peshawar|kabul|mumbai|"
    "bombay|delhi|new delhi|bangalore|bengaluru|hyderabad|ahmedabad|chennai|madras|kolkata|"
    "calcutta|pune|jaipur|surat|lucknow|kanpur|nagpur|indore|thane|bhopal|visakhapatnam|"
    "patna|vadodara|ghaziabad|ludhiana|agra|nashik|coimbatore|kochi|cochin|gurgaon|gurugram|"
    "noida|chandigarh|mysore|mysuru|thiruvananthapuram|dhaka|chittagong|chattogram|"
    "kathmandu|colombo|thimphu|malé|beijing|北京|shanghai|上海|guangzhou|广州|shenzhen|深圳|"
    "chengdu|成都|chongqing|重庆|tianjin|天津|wuhan|武汉|hangzhou|杭州|nanjing|南京|xi'an|"
    "xian|西安|suzhou|苏州|shenyang|harbin|qingdao|dalian|xiamen|kunming|changsha|zhengzhou|"
    "jinan|hong kong|香港|macau|macao|taipei|台北|臺北|kaohsiung|taichung|tokyo|東京|osaka|"
    "大阪|yokohama|横浜|nagoya|名古屋|sapporo|札幌|fukuoka|福岡|kobe|神戸|kyoto|京都|"
    "kawasaki|saitama|hiroshima|広島|sendai|仙台|seoul|서울|busan|부산|incheon|인천|daegu|"
    "대구|daejeon|대전|gwangju|광주|ulsan|suwon|pyongyang|ulaanbaatar|bangkok|กรุงเทพมหานคร|"
    "chiang mai|phuket|hanoi|hà nội|ha noi|ho chi minh city|thành phố hồ chí minh|saigon|"
    "da nang|đà nẵng|haiphong|phnom penh|vientiane|yangon|mandalay|kuala lumpur|george town|"
    "johor bahru|singapore|jakarta|surabaya|bandung|medan|semarang|makassar|denpasar|"
    "yogyakarta|manila|quezon city|cebu|cebu city|davao|makati|taguig|pasig|sydney|melbourne|"
    "brisbane|perth|adelaide|gold coast|canberra|hobart|darwin|newcastle|auckland|"
    "wellington|christchurch|hamilton|dunedin|suva|port moresby";

constexpr std::string_view kCountryNames =
    "afghanistan|albania|algeria|andorra|angola|antigua and barbuda|argentina|armenia|"
    "australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|"
    "benin|bhutan|bolivia|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|"
    "burundi|cabo verde|cape verde|cambodia|cameroon|canada|central african republic|chad|"
    "chile|china|colombia|comoros|congo|democratic republic of the congo|costa rica|"
    "côte d'ivoire|cote d'ivoire|ivory coast|croatia|cuba|cyprus|czechia|czech republic|"
    "denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|"
    "equatorial guinea|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|"
    "georgia|germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|"
    "honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|"
    "jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|"
    "liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|"
    "mali|malta|marshall islands|mauritania|mauritius|mexico|micronesia|moldova|monaco|"
    "mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|"
    "the netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|"
    "macedonia|norway|oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|"
    "philippines|poland|portugal|qatar|romania|russia|russian federation|rwanda|"
    "saint kitts and nevis|saint lucia|saint vincent and the grenadines|samoa|san marino|"
    "sao tome and principe|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|"
    "slovakia|slovenia|solomon islands|somalia|south africa|south korea|korea|south sudan|"
    "spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|"
    "thailand|timor-leste|east timor|togo|tonga|trinidad and tobago|tunisia|turkey|türkiye|"
    "turkiye|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|"
    "great britain|britain|england|scotland|wales|northern ireland|united states|"
    "united states of america|usa|america|uruguay|uzbekistan|vanuatu|vatican city|"
    "holy see|venezuela|vietnam|viet nam|yemen|zambia|zimbabwe|puerto rico|greenland|"
    "hong kong|macau|deutschland|österreich|schweiz|suisse|svizzera|españa|méxico|brasil|"
    "perú|república dominicana|italia|polska|česko|česká republika|slovensko|magyarország|"
    "românia|българия|россия|україна|беларусь|ελλάδα|hellas|nederland|belgië|belgique|"
    "danmark|sverige|norge|suomi|ísland|eesti|latvija|lietuva|hrvatska|srbija|slovenija|"
    "shqipëria|türkiye cumhuriyeti|中国|中國|日本|대한민국|한국|भारत|bharat|nippon|"
    "al-maghrib|misr|مصر|السعودية|الإمارات|ایران|پاکستان|éire|cymru|algérie|tunisie|maroc|"
    "sénégal|côte d’ivoire|cameroun|république démocratique du congo";

// ISO 3166-1 alpha-2 and alpha-3 codes.
constexpr std::string_view kCountryCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW UK XK "
    "AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ "
    "BEN BMU BTN BOL BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN "
    "CXR CCK COL COM COG COD COK CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI "
    "EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM "
    "GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR "
    "KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT "
    "MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER "
    "NGA NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS "
    "RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF "
    "SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA "
    "TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE";

std::vector<std::string_view> SplitSorted(std::initializer_list<std::string_view> texts, char sep) {
  std::vector<std::string_view> out;
  for (std::string_view text : texts) {
    size_t i = 0;
    while (i <= text.size()) {
      size_t j = text.find(sep, i);
      if (j == std::string_view::npos) j = text.size();
      if (j > i) out.push_back(text.substr(i, j - i));
      i = j + 1;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool LowerIn(const std::vector<std::string_view>& table, std::string_view s) {
  char buf[128];
  std::string_view lower = LowerInto(s, buf, sizeof buf);
  if (lower.empty()) return false;
  if (std::binary_search(table.begin(), table.end(), lower)) return true;
  char fold[128];
  std::string_view folded = FoldInto(lower, fold, sizeof fold);
  return !folded.empty() && folded != lower &&
         std::binary_search(table.begin(), table.end(), folded);
}

}  // namespace

bool IsCityName(std::string_view s) {
  static const std::vector<std::string_view> table = SplitSorted({kCities, kCitiesWorld}, '|');
  return LowerIn(table, s);
}

bool IsCountryName(std::string_view s, bool codes) {
  static const std::vector<std::string_view> names = SplitSorted({kCountryNames}, '|');
  static const std::vector<std::string_view> code_list = SplitSorted({kCountryCodes}, ' ');
  if (codes && (s.size() == 2 || s.size() == 3) &&
      std::binary_search(code_list.begin(), code_list.end(), s)) {
    return true;
  }
  return LowerIn(names, s);
}

}  // namespace metagate::classify::text
