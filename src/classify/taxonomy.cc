#include "metagate/classify/taxonomy.h"

#include <algorithm>
#include <set>

#include "metagate/common/json.h"

namespace metagate::classify {
namespace {

using enum Form;

struct BuiltinRow {
  BuiltinClass id;
  const char* name;
  std::initializer_list<const char*> parents;
  std::initializer_list<Form> ladder;
  const char* description;
};

// Ladders name the forms a transform exists for, most useful first.
const BuiltinRow kBuiltin[] = {
    {kEmail,
     "email",
     {"direct_identifier", "contact"},
     {kRaw, kPseudonymized, kRedacted},
     "an e-mail address"},
    {kPhone,
     "phone",
     {"direct_identifier", "contact"},
     {kRaw, kPseudonymized, kRedacted},
     "a telephone number"},
    {kPersonName,
     "person_name",
     {"direct_identifier"},
     {kRaw, kPseudonymized, kRedacted},
     "a person's full, first or last name"},
    {kIpAddress,
     "ip_address",
     {"indirect_identifier", "location"},
     {kRaw, kGeneralized, kPseudonymized},
     "an IPv4 or IPv6 address"},
    {kStreetAddress,
     "street_address",
     {"location"},
     {kRaw, kPseudonymized, kRedacted},
     "a street and house number"},
    {kCity, "city", {"location"}, {kRaw, kGeneralized}, "a city or town"},
    {kRegion, "region", {"location"}, {kRaw, kGeneralized}, "a state, province or region"},
    {kCountry, "country", {"location"}, {kRaw}, "a country name or ISO code"},
    {kPostalCode,
     "postal_code",
     {"location"},
     {kRaw, kGeneralized, kPseudonymized},
     "a postal or ZIP code"},
    {kGeoCoordinates,
     "geo_coordinates",
     {"location"},
     {kRaw, kGeneralized},
     "a latitude or longitude"},
    {kUserId, "user_id", {"direct_identifier"}, {kRaw, kPseudonymized}, "the id of a person"},
    {kDeviceId,
     "device_id",
     {"indirect_identifier", "device"},
     {kRaw, kPseudonymized},
     "the id of a device or browser"},
    {kSessionId,
     "session_id",
     {"indirect_identifier"},
     {kRaw, kPseudonymized},
     "the id of a session or conversation"},
    {kOrgId,
     "org_id",
     {"indirect_identifier"},
     {kRaw, kPseudonymized},
     "the id of a customer organisation"},
    {kTenantId, "tenant_id", {"indirect_identifier"}, {kRaw, kPseudonymized}, "the id of a tenant"},
    {kAccountId,
     "account_id",
     {"indirect_identifier"},
     {kRaw, kPseudonymized},
     "the id of a billing account"},
    {kCreditCard,
     "credit_card",
     {"financial"},
     {kPseudonymized, kRedacted},
     "a payment card number (Luhn-valid)"},
    {kIban,
     "iban",
     {"financial"},
     {kPseudonymized, kRedacted},
     "an international bank account number (mod-97-valid)"},
    {kNationalId,
     "national_id",
     {"government_id", "direct_identifier"},
     {kPseudonymized, kRedacted},
     "a national identity or tax number"},
    {kSecret, "secret", {"credential"}, {kRedacted}, "an API key, token or password"},
    {kUserAgent,
     "user_agent",
     {"device"},
     {kRaw, kGeneralized},
     "a browser or client user agent string"},
    {kUrl, "url", {"browsing"}, {kRaw, kGeneralized, kRedacted}, "a visited URL or path"},
    {kReferrer,
     "referrer",
     {"browsing"},
     {kRaw, kGeneralized, kRedacted},
     "a referring URL or domain"},
    {kPromptText,
     "prompt_text",
     {"free_text", "ai_metadata"},
     {kRaw, kRedacted},
     "text of a prompt sent to a model"},
    {kPromptCategory, "prompt_category", {"ai_metadata"}, {kRaw}, "the category of a prompt"},
    {kToolName, "tool_name", {"ai_metadata"}, {kRaw}, "the name of a tool an AI agent called"},
    {kKnowledgeBaseId,
     "knowledge_base_id",
     {"ai_metadata"},
     {kRaw, kPseudonymized},
     "the id of a retrieval knowledge base"},
    {kModelName, "model_name", {"ai_metadata"}, {kRaw}, "the name of a model"},
    {kErrorCode, "error_code", {"ai_metadata"}, {kRaw}, "an error code"},
    {kDeviceFingerprint,
     "device_fingerprint",
     {"device", "indirect_identifier"},
     {kRaw, kGeneralized, kPseudonymized},
     "a field that, with others in the same event, fingerprints a device"},
};

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::string_view FormName(Form form) {
  switch (form) {
    case kRaw:
      return "raw";
    case kGeneralized:
      return "generalized";
    case kPseudonymized:
      return "pseudonymized";
    case kRedacted:
      return "redacted";
  }
  return "raw";
}

std::optional<Form> ParseForm(std::string_view name) {
  for (Form f : {kRaw, kGeneralized, kPseudonymized, kRedacted}) {
    if (FormName(f) == name) return f;
  }
  return std::nullopt;
}

Taxonomy Taxonomy::Builtin() {
  Taxonomy t;
  for (const BuiltinRow& row : kBuiltin) {
    ClassInfo info;
    info.name = row.name;
    for (const char* p : row.parents) info.parents.emplace_back(p);
    info.ladder.assign(row.ladder.begin(), row.ladder.end());
    info.description = row.description;
    ClassId id = static_cast<ClassId>(t.classes_.size());
    (void)row.id;  // rows are listed in BuiltinClass order; checked by taxonomy_test
    t.by_name_.emplace(info.name, id);
    t.classes_.push_back(std::move(info));
  }
  return t;
}

Result<ClassId> Taxonomy::Define(ClassInfo info) {
  if (!ValidName(info.name)) {
    return Status::Invalid("class name '" + info.name +
                           "' must be 1-64 characters of a-z, 0-9 and _");
  }
  for (const std::string& p : info.parents) {
    if (!ValidName(p)) {
      return Status::Invalid("parent '" + p + "' of class '" + info.name +
                             "' must be 1-64 characters of a-z, 0-9 and _");
    }
    if (p == info.name) return Status::Invalid("class '" + info.name + "' is its own parent");
  }
  if (info.ladder.empty()) {
    return Status::Invalid("class '" + info.name + "' needs a ladder of at least one form");
  }
  if (auto it = by_name_.find(info.name); it != by_name_.end()) {
    ClassInfo& existing = classes_[it->second];
    existing.parents = std::move(info.parents);
    existing.ladder = std::move(info.ladder);
    if (!info.description.empty()) existing.description = std::move(info.description);
    return it->second;
  }
  if (classes_.size() >= kNoClass) return Status::Invalid("too many data classes");
  ClassId id = static_cast<ClassId>(classes_.size());
  by_name_.emplace(info.name, id);
  classes_.push_back(std::move(info));
  return id;
}

std::optional<ClassId> Taxonomy::Find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Taxonomy::Groups() const {
  std::set<std::string> groups;
  for (const ClassInfo& c : classes_) groups.insert(c.parents.begin(), c.parents.end());
  return {groups.begin(), groups.end()};
}

std::vector<std::string> SuperGroups(std::string_view group) {
  // Identifiers of either kind are "identifier"; groups of data about a person are "personal".
  if (group == "direct_identifier" || group == "indirect_identifier") {
    return {"identifier", "personal"};
  }
  if (group == "contact" || group == "location" || group == "financial" ||
      group == "government_id") {
    return {"personal"};
  }
  return {};
}

std::string Taxonomy::ToCedarEntitiesJson() const {
  std::string out = "[";
  auto entity = [&](std::string_view id, const std::vector<std::string>& parents) {
    if (out.size() > 1) out += ",\n ";
    out += "{\"uid\":{\"type\":\"DataClass\",\"id\":";
    json::AppendQuoted(out, id);
    out += "},\"attrs\":{},\"parents\":[";
    for (size_t i = 0; i < parents.size(); ++i) {
      if (i) out += ",";
      out += "{\"type\":\"DataClass\",\"id\":";
      json::AppendQuoted(out, parents[i]);
      out += "}";
    }
    out += "]}";
  };
  for (const ClassInfo& c : classes_) entity(c.name, c.parents);
  std::set<std::string> names;
  for (const ClassInfo& c : classes_) names.insert(c.name);
  std::set<std::string> groups;  // super-groups not otherwise listed
  const std::vector<std::string> direct = Groups();
  for (const std::string& g : direct) {
    if (names.count(g)) continue;  // a group that is also a class is listed once
    std::vector<std::string> supers = SuperGroups(g);
    groups.insert(supers.begin(), supers.end());
    entity(g, supers);
  }
  for (const std::string& g : groups) {
    if (!names.count(g) && !std::binary_search(direct.begin(), direct.end(), g)) entity(g, {});
  }
  out += "]\n";
  return out;
}

}  // namespace metagate::classify
