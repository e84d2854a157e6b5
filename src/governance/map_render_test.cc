// The data map's renderers on a small hand-written map: table alignment and order, CSV quoting
// and its formula guard, JSON members and "new" flags, dot labels and escaping, and an html page
// that escapes hostile names and refers to nothing outside itself.
#include "map_render.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "metagate/common/json.h"
#include "metagate/governance/flow_map.h"

namespace metagate::governance {
namespace {

constexpr int64_t kMar1 = 1772352000000;  // 2026-03-01T08:00:00Z
constexpr int64_t kMar5 = 1772697600000;  // 2026-03-05T08:00:00Z

FlowRow Row(std::string integration, std::string vendor, std::string event, std::string field,
            std::string classes, std::string form, std::string decision, uint64_t count,
            int64_t first, int64_t last = kMar5) {
  return FlowRow{std::move(integration),
                 std::move(vendor),
                 std::move(event),
                 std::move(field),
                 std::move(classes),
                 std::move(form),
                 std::move(decision),
                 count,
                 first,
                 last};
}

// web -> amplitude: allowed, email pseudonymized, ip generalized, a hostile field sent raw;
// web -> mixpanel: everything blocked. Rows are in the store's order (fields sort before the
// event row of "Page" on purpose: renderers must put the event row first).
FlowMap SmallMap() {
  FlowMap map;
  map.generated_ms = kMar5 + 3600 * 1000;
  map.source = "store /var/lib/metagate";
  map.identifier_classes = {"email", "ip_address"};
  map.rows = {
      Row("web", "amplitude", "Signed Up", "", "", "", "allowed", 1200, kMar1),
      Row("web", "amplitude", "Signed Up", "<script>alert(1)</script>", "email", "raw", "allowed",
          2, kMar5),
      Row("web", "amplitude", "Signed Up", "context.ip", "ip_address", "generalized", "allowed",
          1200, kMar1),
      Row("web", "amplitude", "Signed Up", "properties.email", "email", "pseudonymized", "allowed",
          1190, kMar1),
      Row("web", "amplitude", "Signed Up", "=HYPERLINK(\"x\")", "", "dropped",
          "blocked:unknown_field", 4, kMar1),
      Row("web", "mixpanel", "Page \"home\", v2", "properties.email", "email", "raw",
          "blocked:policy", 30, kMar1),
      Row("web", "mixpanel", "Page \"home\", v2", "", "", "", "blocked:policy", 30, kMar1),
  };
  return map;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(MapRender, IsoUtcPrintsSecondsInUtcAndFloorsBeforeTheEpoch) {
  EXPECT_EQ(map_render::IsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(map_render::IsoUtc(kMar1 + 999), "2026-03-01T08:00:00Z");
  EXPECT_EQ(map_render::IsoUtc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(map_render::GroupDigits(1234567), "1,234,567");
  EXPECT_EQ(map_render::GroupDigits(999), "999");
}

TEST(MapRender, TableAlignsColumnsPutsEventRowsFirstAndSummarizes) {
  std::vector<std::string> lines = Lines(RenderMap(SmallMap(), MapFormat::kTable));
  ASSERT_GE(lines.size(), 9u);
  const std::string& header = lines[0];
  size_t vendor_col = header.find("VENDOR");
  size_t form_col = header.find("FORM");
  ASSERT_NE(vendor_col, std::string::npos);
  for (size_t i = 1; i <= 7; ++i) {
    EXPECT_EQ(lines[i].find(i <= 5 ? "amplitude" : "mixpanel"), vendor_col) << lines[i];
  }
  // The event row of each event comes before its fields.
  EXPECT_NE(lines[1].find("(event)"), std::string::npos) << lines[1];
  EXPECT_NE(lines[6].find("(event)"), std::string::npos) << lines[6];
  EXPECT_NE(lines[7].find("properties.email"), std::string::npos);
  EXPECT_EQ(lines[2].find("raw"), form_col) << lines[2];
  EXPECT_NE(lines[1].find("2026-03-01T08:00:00Z"), std::string::npos);
  EXPECT_EQ(lines.back(),
            "7 flows (1 integration, 2 vendors): 1,200 events allowed, 30 events blocked");
}

TEST(MapRender, TableShowsControlCharactersInsteadOfWritingThem) {
  FlowMap map;
  map.rows = {Row("web", "amp", "e", "a\x1b[2Jb\nc", "", "raw", "allowed", 1, kMar1)};
  std::string table = RenderMap(map, MapFormat::kTable);
  EXPECT_EQ(table.find('\x1b'), std::string::npos);
  EXPECT_NE(table.find("a\\x1b[2Jb\\x0ac"), std::string::npos) << table;
}

TEST(MapRender, CsvQuotesPerRfc4180AndGuardsFormulas) {
  std::string csv = RenderMap(SmallMap(), MapFormat::kCsv);
  std::vector<std::string> lines = Lines(csv);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(
      lines[0],
      "integration,vendor,event,field,classes,form,decision,count,first_seen,last_seen,new\r");
  // A cell with a quote and a comma is quoted with its quotes doubled.
  EXPECT_EQ(lines[6],
            "web,mixpanel,\"Page \"\"home\"\", v2\",,,,blocked:policy,30,2026-03-01T08:00:00Z,"
            "2026-03-05T08:00:00Z,false\r");
  // A cell that starts like a formula gets an apostrophe, then is quoted for its quotes.
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"x\"\")\",,dropped,"), std::string::npos) << csv;

  FlowMap map;
  map.rows = {Row("+web", "@amp", "-e", "line\r\nbreak", "", "raw", "allowed", 1, kMar1)};
  lines = Lines(RenderMap(map, MapFormat::kCsv));
  ASSERT_EQ(lines.size(), 3u);  // the embedded CRLF stays inside one quoted cell
  EXPECT_EQ(lines[1], "'+web,'@amp,'-e,\"line\r");
  EXPECT_EQ(lines[2].substr(0, 7), "break\",");
}

TEST(MapRender, JsonCarriesEveryMemberAndMarksNewRows) {
  FlowMap map = SmallMap();
  map.since_ms = kMar5;
  auto doc = json::Parse(RenderMap(map, MapFormat::kJson));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->Find("generated")->as_string(), "2026-03-05T09:00:00Z");
  EXPECT_EQ(doc->Find("source")->as_string(), "store /var/lib/metagate");
  EXPECT_EQ(doc->Find("since")->as_string(), "2026-03-05T08:00:00Z");
  const auto& flows = doc->Find("flows")->items();
  ASSERT_EQ(flows.size(), 7u);
  const json::Value& event = flows[0];
  EXPECT_EQ(event.Find("integration")->as_string(), "web");
  EXPECT_EQ(event.Find("vendor")->as_string(), "amplitude");
  EXPECT_EQ(event.Find("event")->as_string(), "Signed Up");
  EXPECT_EQ(event.Find("field")->as_string(), "");
  EXPECT_EQ(event.Find("decision")->as_string(), "allowed");
  EXPECT_EQ(event.Find("count")->as_int(), 1200);
  EXPECT_EQ(event.Find("first_seen_ms")->as_int(), kMar1);
  EXPECT_EQ(event.Find("first_seen")->as_string(), "2026-03-01T08:00:00Z");
  EXPECT_EQ(event.Find("last_seen")->as_string(), "2026-03-05T08:00:00Z");
  EXPECT_FALSE(event.Find("new")->as_bool());
  const json::Value& hostile = flows[1];
  EXPECT_EQ(hostile.Find("field")->as_string(), "<script>alert(1)</script>");
  EXPECT_EQ(hostile.Find("classes")->as_string(), "email");
  EXPECT_EQ(hostile.Find("form")->as_string(), "raw");
  EXPECT_TRUE(hostile.Find("new")->as_bool());  // first seen exactly at `since`
  EXPECT_EQ(flows[5].Find("event")->as_string(), "Page \"home\", v2");

  map.since_ms.reset();
  doc = json::Parse(RenderMap(map, MapFormat::kJson));
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->Find("since")->is_null());
  for (const auto& flow : doc->Find("flows")->items()) EXPECT_FALSE(flow.Find("new")->as_bool());
}

TEST(MapRender, DotLabelsEdgesWithClassesAndDashesBlockedPairs) {
  std::string dot = RenderMap(SmallMap(), MapFormat::kDot);
  EXPECT_EQ(dot.rfind("digraph data_map {", 0), 0u);
  EXPECT_NE(dot.find("\"integration:web\" -> \"vendor:amplitude\" [label=\"email: pseudonymized, "
                     "raw\\nip_address: generalized\"];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"integration:web\" -> \"vendor:mixpanel\" [label=\"blocked\", "
                     "style=dashed, color=\"#dc2626\""),
            std::string::npos)
      << dot;
  EXPECT_EQ(Count(dot, " -> "), 2u);

  FlowMap map;
  map.rows = {Row("a\"b\\n", "v\nx", "e", "f", "c\"1", "raw", "allowed", 1, kMar1)};
  dot = RenderMap(map, MapFormat::kDot);
  EXPECT_NE(dot.find("\"integration:a\\\"b\\\\n\" [label=\"a\\\"b\\\\n\""), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"vendor:v x\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"c\\\"1: raw\"]"), std::string::npos) << dot;
}

TEST(MapRender, HtmlEscapesHostileNamesEverywhere) {
  FlowMap map = SmallMap();
  map.since_ms = kMar5;
  map.rows.push_back(Row("web", "evil\"><img src=x onerror=alert(2)>", "e", "p", "email", "raw",
                         "allowed", 1, kMar5));
  std::string html = RenderMap(map, MapFormat::kHtml);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("evil&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  // Only the two script elements of the page itself; the data block escapes "<".
  EXPECT_EQ(Count(html, "<script"), 2u);
  EXPECT_EQ(Count(html, "</script"), 2u);
  EXPECT_NE(html.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), std::string::npos);
}

TEST(MapRender, HtmlRefersToNothingOutsideThePage) {
  std::string html = RenderMap(SmallMap(), MapFormat::kHtml);
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                      "'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src "
                      "data:\">"),
            std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(Count(html, "href="), Count(html, "href=\"data:"));
  EXPECT_EQ(Count(html, "url("), Count(html, "url(#"));
}

TEST(MapRender, HtmlHasTheGraphTablesAndQuestions) {
  FlowMap map = SmallMap();
  map.since_ms = kMar5;
  std::string html = RenderMap(map, MapFormat::kHtml);
  for (const char* id : {"id=\"flow-graph\"", "id=\"flow-table\"", "id=\"vendor-classes\"",
                         "id=\"identifier-senders\"", "id=\"new-flows\"", "id=\"filter\""}) {
    EXPECT_EQ(Count(html, id), 1u) << id;
  }
  EXPECT_EQ(Count(html, "<tr class=\"flow"), 7u);
  EXPECT_EQ(Count(html, "class=\"node integration\""), 1u);
  EXPECT_EQ(Count(html, "class=\"node vendor\""), 2u);
  EXPECT_EQ(Count(html, "<g class=\"edge\""), 1u);
  EXPECT_EQ(Count(html, "<g class=\"edge blocked\""), 1u);
  EXPECT_NE(html.find("<h2>New since 2026-03-05</h2>"), std::string::npos);
  // Only the hostile row is new; the identifier senders name both identifiers sent to amplitude
  // and not the blocked email to mixpanel.
  size_t new_at = html.find("id=\"new-flows\"");
  size_t new_end = html.find("</section>", new_at);
  std::string new_section = html.substr(new_at, new_end - new_at);
  EXPECT_EQ(Count(new_section, "<tr><td"), 1u) << new_section;
  size_t id_at = html.find("id=\"identifier-senders\"");
  std::string ids = html.substr(id_at, html.find("</section>", id_at) - id_at);
  EXPECT_EQ(Count(ids, "<tr><td"), 3u) << ids;  // email pseudonymized, email raw, ip generalized
  EXPECT_EQ(ids.find("mixpanel"), std::string::npos);

  map.since_ms.reset();
  html = RenderMap(map, MapFormat::kHtml);
  EXPECT_NE(html.find("No date was given"), std::string::npos);
}

TEST(MapRender, EmptyMapRendersInEveryFormat) {
  FlowMap map;
  EXPECT_NE(RenderMap(map, MapFormat::kTable).find("0 flows"), std::string::npos);
  EXPECT_EQ(Lines(RenderMap(map, MapFormat::kCsv)).size(), 1u);
  ASSERT_TRUE(json::Parse(RenderMap(map, MapFormat::kJson)).ok());
  EXPECT_EQ(Count(RenderMap(map, MapFormat::kDot), " -> "), 0u);
  std::string html = RenderMap(map, MapFormat::kHtml);
  EXPECT_NE(html.find("No flows recorded yet."), std::string::npos);
  EXPECT_EQ(Count(html, "<tr class=\"flow"), 0u);
}

}  // namespace
}  // namespace metagate::governance
