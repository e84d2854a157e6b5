#include "text/cjk_names.h"

#include <cstdint>
#include <vector>

#include "metagate/common/utf8.h"
#include "text/script.h"

namespace metagate::classify::text {
namespace {

// Common single-character Chinese surnames (simplified and traditional forms).
constexpr std::string_view kChineseSurnames =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时"
    "穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蘇呂盧鍾譚"
    "陸賈韋鄒閻龔錢嚴湯顏聶魯歐蔣賴";
constexpr std::string_view kChineseCompound[] = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫",
                                                 "歐陽", "司馬", "諸葛", "東方", "令狐", "慕容"};
constexpr std::string_view kKoreanSurnames =
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천"
    "방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부";
constexpr std::string_view kKoreanCompound[] = {"황보", "남궁", "제갈", "선우", "독고"};
constexpr std::string_view kJapaneseSurnames[] = {
    "佐藤", "鈴木",   "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林",   "加藤", "吉田",
    "山田", "佐々木", "山口", "松本", "井上", "木村", "斎藤", "清水", "山崎",   "池田", "橋本",
    "阿部", "石川",   "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤",
    "近藤", "村上",   "遠藤", "青木", "坂本", "斉藤", "福田", "太田", "西村",   "藤井", "金子",
    "岡本", "藤原",   "中野", "三浦", "原田", "中川", "松田", "竹内", "小野",   "田村", "中山",
    "和田", "石田",   "森田", "上田", "柴田", "酒井", "工藤", "横山", "宮崎",   "宮本", "内田",
    "高木", "安藤",   "島田", "谷口", "大野", "高田", "丸山", "今井", "河野",   "藤本", "村田",
    "武田", "上野",   "杉山", "増田", "小山", "大塚", "平野", "菅原", "久保",   "松井", "千葉",
    "岩崎", "桜井",   "木下", "野口", "松尾", "菊地", "野村", "新井", "渡部",   "森",   "林",
    "原",   "西田",   "吉川", "山内", "北村", "服部", "松下", "大西", "荒木"};

std::vector<uint32_t> Decode(std::string_view s) {
  std::vector<uint32_t> out;
  size_t i = 0;
  while (i < s.size()) out.push_back(utf8::Decode(s, &i));
  return out;
}

bool InSet(std::string_view set, std::string_view ch) {
  for (size_t i = 0; i + ch.size() <= set.size();) {
    size_t start = i;
    utf8::Decode(set, &i);
    if (set.substr(start, i - start) == ch) return true;
  }
  return false;
}

template <size_t N>
bool StartsWithAny(std::string_view s, const std::string_view (&list)[N], size_t* len) {
  for (std::string_view p : list) {
    if (s.substr(0, p.size()) == p) {
      *len = p.size();
      return true;
    }
  }
  return false;
}

// Length in code points of [s.begin()+from, end).
size_t CountCps(std::string_view s) { return Decode(s).size(); }

bool AllOf(std::string_view s, bool (*pred)(uint32_t)) {
  if (s.empty()) return false;
  for (uint32_t cp : Decode(s)) {
    if (!pred(cp)) return false;
  }
  return true;
}

bool HanOrKana(uint32_t cp) { return IsHanCp(cp) || IsKanaCp(cp); }

bool IsKoreanName(std::string_view s) {
  size_t sp = s.find(' ');
  std::string_view joined = s;
  if (sp != std::string_view::npos) {
    if (!AllOf(s.substr(0, sp), IsHangulCp) || !AllOf(s.substr(sp + 1), IsHangulCp)) return false;
  } else if (!AllOf(s, IsHangulCp)) {
    return false;
  }
  size_t n = CountCps(joined) - (sp != std::string_view::npos ? 1 : 0);
  if (n < 2 || n > 4) return false;
  size_t len = 0;
  if (StartsWithAny(s, kKoreanCompound, &len)) return n >= 3;
  return InSet(kKoreanSurnames, s.substr(0, 3));
}

bool IsHanName(std::string_view s) {
  size_t sp = s.find(' ');
  std::string_view family = sp == std::string_view::npos ? s : s.substr(0, sp);
  std::string_view rest = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
  if (!AllOf(family, HanOrKana) || (sp != std::string_view::npos && !AllOf(rest, HanOrKana))) {
    return false;
  }
  size_t total = CountCps(family) + CountCps(rest);
  if (total < 2 || total > 5) return false;
  size_t len = 0;
  if (StartsWithAny(family, kJapaneseSurnames, &len)) {
    return len < family.size() || !rest.empty();
  }
  if (!IsHanCp(Decode(family.substr(0, 3)).front())) return false;
  if (total > 4) return false;
  if (StartsWithAny(family, kChineseCompound, &len)) return total >= 3;
  return InSet(kChineseSurnames, family.substr(0, 3));
}

}  // namespace

bool IsCjkName(std::string_view s) {
  if (s.size() < 6) return false;
  size_t i = 0;
  uint32_t first = utf8::Decode(s, &i);
  if (IsHangulCp(first)) return IsKoreanName(s);
  if (IsHanCp(first)) return IsHanName(s);
  return false;
}

}  // namespace metagate::classify::text
