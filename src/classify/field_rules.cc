#include "field_rules.h"

#include <algorithm>

#include "field_name.h"

namespace metagate::classify {
namespace {

using V = ValueCheck;

struct Row {
  const char* names;  // spellings, space separated, in canonical form
  RuleKind kind;
  ClassId cls;
  ValueCheck check;
};

constexpr RuleKind C = RuleKind::kClass;

// Field names seen across analytics, logging and LLM telemetry, by the class they announce.
// A name here only proposes a class: the value must still pass `check`.
const Row kRows[] = {
    {"email e_mail email_address mail_address emails contact_email user_email", C, kEmail,
     V::kEmail},
    {"phone phone_number phone_no phones mobile mobile_number mobile_phone telephone tel "
     "cell_phone msisdn fax work_phone home_phone",
     C, kPhone, V::kPhone},
    {"full_name fullname customer_name first_name firstname last_name lastname given_name "
     "family_name surname middle_name display_name contact_name holder_name cardholder_name "
     "card_holder_name card_holder cardholder name_on_card account_holder account_holder_name "
     "recipient_name sender_name billing_name name_given name_family name_first name_last "
     "name_middle name_full "
     "shipping_name person_name legal_name maiden_name",
     C, kPersonName, V::kText},
    {"name", C, kPersonName, V::kPersonName},
    {"ip ip_address ipaddress ipv_4 ipv_6 ip_v_4 ip_v_6 client_ip remote_ip remote_addr "
     "remote_address client_address source_ip src_ip source_address x_forwarded_for "
     "forwarded_for real_ip x_real_ip user_ip end_user_ip network_peer_address",
     C, kIpAddress, V::kIp},
    {"street street_address street_line address_line address_line_1 address_line_2 address_1 "
     "address_2 line_1 street_1 street_2 address shipping_address billing_address home_address "
     "mailing_address postal_address",
     C, kStreetAddress, V::kText},
    {"city town locality city_name municipality locality_name", C, kCity, V::kText},
    {"region province region_name state_province address_state location_state billing_state "
     "shipping_state geo_region subdivision county prefecture canton oblast "
     "subdivision_name subdivision_1_name region_iso_code",
     C, kRegion, V::kText},
    {"state state_name", C, kRegion, V::kRegionLike},
    {"country country_code country_name nation", C, kCountry, V::kCountry},
    {"postal_code postcode post_code zip zip_code zipcode postalcode plz cep pincode eircode", C,
     kPostalCode, V::kDigits},
    {"latitude lat geo_lat location_latitude", C, kGeoCoordinates, V::kLatitude},
    {"longitude lng lon long geo_lng geo_lon location_longitude", C, kGeoCoordinates,
     V::kLongitude},
    {"user_id userid uid customer_id distinct_id enduser_id end_user_id member_id person_id "
     "profile_id subscriber_id patient_id employee_id user_uuid customer_uuid contact_id "
     "external_user_id",
     C, kUserId, V::kNonEmpty},
    {"device_id deviceid anonymous_id anon_id anon_distinct_id advertising_id ad_id idfa idfv "
     "adid gaid aaid android_id visitor_id browser_id cookie_id machine_id installation_id "
     "install_id device_uuid hardware_id",
     C, kDeviceId, V::kNonEmpty},
    {"session_id sessionid sid conversation_id chat_id thread_id conversation session_uuid", C,
     kSessionId, V::kNonEmpty},
    {"org_id orgid organization_id organisation_id group_id groupid company_id "
     "workspace_id groups_company groups_organization groups_org groups_workspace groups_team "
     "customer_org_id",
     C, kOrgId, V::kNonEmpty},
    {"tenant tenant_id tenantid tenant_name tenant_slug", C, kTenantId, V::kNonEmpty},
    {"account_id accountid billing_account billing_account_id customer_account account_number "
     "account_no",
     C, kAccountId, V::kNonEmpty},
    {"card_number cardnumber cc_number cc_num ccnum card_num credit_card credit_card_number "
     "card_no pan "
     "payment_card_number",
     C, kCreditCard, V::kCard},
    {"iban iban_number bank_iban", C, kIban, V::kIban},
    {"ssn social_security_number tax_id taxid national_id national_id_number passport_number "
     "passport_no nin national_insurance_number tin cpf aadhaar sin personnummer dni "
     "codice_fiscale id_number driver_license_number drivers_license_number",
     C, kNationalId, V::kDigits},
    {"password passwd pwd passphrase secret client_secret api_key apikey api_secret access_token "
     "refresh_token id_token auth_token token bearer authorization private_key secret_key "
     "session_token credentials signing_secret webhook_secret x_api_key access_key "
     "secret_access_key",
     C, kSecret, V::kSecret},
    {"user_agent useragent ua user_agent_original http_user_agent browser_user_agent", C,
     kUserAgent, V::kUserAgent},
    {"url current_url page_url full_url download_url href link uri url_full location_href "
     "landing_page path pathname page_path url_path request_uri target_url redirect_url "
     "callback_url http_url http_target return_url",
     C, kUrl, V::kUrl},
    {"referrer referer referring_domain initial_referrer initial_referring_domain "
     "document_referrer http_referer referrer_url ref_url referral_url referring_url "
     "referring_site",
     C, kReferrer, V::kReferrer},
    {"prompt_category intent prompt_type prompt_intent task_category", C, kPromptCategory,
     V::kText},
    {"tool_name tool tool_called function_called function_name gen_ai_tool_name", C, kToolName,
     V::kText},
    {"knowledge_base_id knowledge_base kb_id kb vector_store_id knowledge_base_name", C,
     kKnowledgeBaseId, V::kNonEmpty},
    {"model model_name model_id llm llm_model gen_ai_request_model gen_ai_response_model "
     "request_model response_model",
     C, kModelName, V::kText},
    {"error_code err_code errcode", C, kErrorCode, V::kNonEmpty},
    {"prompt prompt_text prompt_snippet user_prompt input_prompt llm_prompt gen_ai_prompt "
     "system_prompt prompt_preview prompt_excerpt prompt_body prompt_content prompt_input "
     "input_preview input_excerpt input_snippet input_text prompt_message",
     RuleKind::kPrompt, kNoClass, V::kNonEmpty},
    {"message msg body comment comments description query q search search_query search_term "
     "search_terms search_text keywords keyword terms "
     "title page_title text note notes content summary subject feedback reason details detail "
     "log log_message error_message remarks memo question answer completion response "
     "exception_message",
     RuleKind::kFreeText, kNoClass, V::kNonEmpty},
    // Names whose values look like sensitive ones but are not: versions that look like IPv4,
    // tracking and gift-card numbers that look like cards, hashes and ids that look like keys.
    {"version app_version service_version lib_version os_version browser_version sdk_version "
     "build build_number build_id build_commit commit commit_sha git_sha sha hash checksum etag "
     "digest sku product_id order_id order_number ticket_id invoice_id invoice_number "
     "tracking_number tracking_id gift_card_number gift_card voucher coupon coupon_code "
     "message_id insert_id event_id request_id trace_id span_id parent_span_id flags "
     "file_path filepath file_name filename service_name service_namespace "
     "timestamp time sent_at created_at updated_at date duration elapsed cloud_region "
     "aws_region device_model model_number company_name company app_name library_name "
     "card_last_4 last_4 card_brand bic swift swift_code code_function code_function_name "
     "code_namespace code_filepath schema_url schema "
     // A `name` that names a thing, not a person (`items/0/name`: Victoria Sponge Mix).
     "product_name products_name item_name items_name line_item_name line_items_name sku_name "
     "variant_name plan_name event_name feature_name page_name screen_name campaign_name",
     RuleKind::kNoDetect, kNoClass, V::kNonEmpty},
};

bool Has(std::span<const std::string> tokens, std::initializer_list<std::string_view> any) {
  for (const std::string& t : tokens) {
    for (std::string_view a : any) {
      if (t == a) return true;
    }
  }
  return false;
}

// Field names no table lists, read by their words: `primaryEmail`, `visitorUuid`,
// `shipping_zip5`, `client_ip_addr`. Only classes whose values are validated, or whose words
// are unambiguous, are proposed.
// A field named for a release artefact (`versionName`, `build_label`, `git_sha`).
bool NamesReleaseArtefact(std::span<const std::string> name) {
  return Has(name, {"version", "ver", "release", "revision", "semver", "firmware", "build", "sha",
                    "hash", "checksum", "commit"});
}

const FieldRule* KeywordRule(std::span<const std::string> all, size_t name_tokens) {
  static const FieldRule kRules[] = {
      {RuleKind::kNoDetect, kNoClass, V::kNonEmpty},       // 0
      {RuleKind::kClass, kEmail, V::kEmail},               // 1
      {RuleKind::kClass, kPhone, V::kPhone},               // 2
      {RuleKind::kClass, kIpAddress, V::kIp},              // 3
      {RuleKind::kClass, kUserId, V::kNonEmpty},           // 4
      {RuleKind::kClass, kDeviceId, V::kNonEmpty},         // 5
      {RuleKind::kClass, kSessionId, V::kNonEmpty},        // 6
      {RuleKind::kClass, kOrgId, V::kNonEmpty},            // 7
      {RuleKind::kClass, kTenantId, V::kNonEmpty},         // 8
      {RuleKind::kClass, kAccountId, V::kNonEmpty},        // 9
      {RuleKind::kClass, kPostalCode, V::kDigits},         // 10
      {RuleKind::kClass, kCity, V::kText},                 // 11
      {RuleKind::kClass, kCountry, V::kCountry},           // 12
      {RuleKind::kClass, kGeoCoordinates, V::kLatitude},   // 13
      {RuleKind::kClass, kGeoCoordinates, V::kLongitude},  // 14
      {RuleKind::kClass, kStreetAddress, V::kText},        // 15
      {RuleKind::kClass, kPersonName, V::kText},           // 16
      {RuleKind::kClass, kReferrer, V::kReferrer},         // 17
      {RuleKind::kClass, kUrl, V::kUrl},                   // 18
      {RuleKind::kClass, kUserAgent, V::kUserAgent},       // 19
      {RuleKind::kClass, kSecret, V::kSecret},             // 20
      {RuleKind::kClass, kNationalId, V::kDigits},         // 21
      {RuleKind::kClass, kIban, V::kIban},                 // 22
      {RuleKind::kClass, kCreditCard, V::kCard},           // 23
      {RuleKind::kClass, kKnowledgeBaseId, V::kNonEmpty},  // 24
      {RuleKind::kClass, kTenantId, V::kNonEmpty},         // 25
      {RuleKind::kPrompt, kNoClass, V::kNonEmpty},         // 26
      {RuleKind::kFreeText, kNoClass, V::kNonEmpty},       // 27
      {RuleKind::kClass, kRegion, V::kText},               // 28
  };
  if (all.empty() || name_tokens == 0) return nullptr;
  std::span<const std::string> name = all.subspan(all.size() - name_tokens);
  const std::string& last = name.back();
  // Words that make a value an artefact, not data about a person (release words such as
  // `version` and `sha` never reach here: Match handles them with NamesReleaseArtefact).
  if (Has(name,
          {"rev",    "sku",       "order",    "ticket", "tracking", "gift",     "trace",   "span",
           "insert", "timestamp", "duration", "count",  "total",    "verified", "enabled", "length",
           "size",   "type",      "format",   "status", "domain",   "hashed"})) {
    return Has(name, {"domain"}) && Has(name, {"referring", "referrer", "referer"}) ? &kRules[17]
                                                                                    : &kRules[0];
  }
  if (Has(name, {"email", "mail"})) return &kRules[1];
  if (Has(name, {"phone", "mobile", "msisdn", "telephone", "cellphone"})) return &kRules[2];
  if (Has(name, {"ip", "ipv", "ipaddr", "ipaddress"})) return &kRules[3];
  if (Has(name, {"iban"})) return &kRules[22];
  if (Has(name, {"ssn", "passport"})) return &kRules[21];
  if (Has(name, {"card"}) && Has(name, {"number", "num", "no", "pan"})) return &kRules[23];
  if (Has(name, {"password", "passwd", "secret", "apikey", "credential", "credentials"}) ||
      (Has(name, {"api", "access", "private", "auth", "bearer", "refresh"}) &&
       Has(name, {"key", "token"}))) {
    return &kRules[20];
  }
  if (Has(name, {"referrer", "referer"})) return &kRules[17];
  if (Has(name, {"url", "uri", "href"})) return &kRules[18];
  if (Has(name, {"agent"}) && Has(name, {"user", "ua", "browser", "client"})) return &kRules[19];
  if (Has(name, {"zip", "zipcode", "postcode", "postal"})) return &kRules[10];
  if (Has(name, {"city", "town"})) return &kRules[11];
  if (Has(name, {"country"})) return &kRules[12];
  if (Has(name, {"latitude", "lat"})) return &kRules[13];
  if (Has(name, {"longitude", "lng", "lon"})) return &kRules[14];
  if (Has(name, {"street"})) return &kRules[15];
  if (Has(name, {"region", "province", "county", "prefecture"})) return &kRules[28];
  if (last == "name" &&
      Has(name, {"first", "last", "full", "given", "family", "middle", "customer", "contact",
                 "person", "holder", "recipient", "sender", "patient", "employee", "member"})) {
    return &kRules[16];
  }
  if (Has(name, {"tenant"})) return &kRules[8];
  if ((Has(name, {"prompt"}) ||
       (Has(all, {"input", "prompt"}) && Has(name, {"preview", "excerpt", "snippet", "text"}))) &&
      !Has(name, {"category", "intent", "tokens", "id", "template", "type"})) {
    return &kRules[26];
  }
  if (Has(name, {"message", "msg",        "body",    "comment",  "comments", "description",
                 "query",   "search",     "title",   "text",     "note",     "notes",
                 "content", "summary",    "subject", "feedback", "reason",   "details",
                 "log",     "transcript", "snippet", "question"})) {
    return &kRules[27];
  }
  // An identifier named by what it identifies; the owner may be the parent (`user/uuid`).
  if (Has(std::span<const std::string>(&last, 1),
          {"id", "ids", "uuid", "guid", "identifier", "key", "number", "no", "num", "ref"})) {
    if (Has(all,
            {"user",     "customer",  "member",  "person",   "profile",  "enduser", "subscriber",
             "patient",  "employee",  "shopper", "buyer",    "owner",    "author",  "assignee",
             "reporter", "requester", "creator", "approver", "reviewer", "actor"})) {
      return &kRules[4];
    }
    if (Has(all, {"device", "anon", "anonymous", "visitor", "browser", "install", "installation",
                  "machine", "hardware", "advertising", "cookie"})) {
      return &kRules[5];
    }
    if (Has(all, {"session", "conversation", "chat", "thread"})) return &kRules[6];
    if (Has(all,
            {"org", "organization", "organisation", "company", "group", "workspace", "team"})) {
      return &kRules[7];
    }
    if (Has(all, {"account", "billing"})) return &kRules[9];
    if (Has(all, {"knowledge", "kb", "corpus", "index"})) return &kRules[24];
  }
  return nullptr;
}

void SplitSpaces(std::string_view s, std::vector<std::string_view>& out) {
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
}

}  // namespace

FieldRules FieldRules::Builtin() {
  FieldRules rules;
  std::vector<std::string_view> names;
  for (const Row& row : kRows) {
    names.clear();
    SplitSpaces(row.names, names);
    for (std::string_view n : names) {
      Status s = rules.Add(n, FieldRule{row.kind, row.cls, row.check});
      (void)s;  // built-in spellings are valid; field_rules_test checks every one
    }
  }
  return rules;
}

Status FieldRules::Add(std::string_view name, FieldRule rule) {
  std::vector<std::string> tokens;
  AppendFieldTokens(name, tokens);
  if (tokens.empty()) {
    return Status::Invalid("field name '" + std::string(name) + "' has no letters or digits");
  }
  std::string key;
  for (const std::string& t : tokens) {
    if (!key.empty()) key.push_back('_');
    key += t;
  }
  max_tokens_ = std::max(max_tokens_, tokens.size());
  rules_[key] = rule;
  return Status::Ok();
}

const FieldRule* FieldRules::Match(std::span<const std::string> tokens, size_t name_tokens) const {
  // A field named for a release artefact is never data about a person, whatever else its name
  // says (`versionName`: 2.5.9.224, `build_label`), unless a rule lists the whole name.
  static const FieldRule kNoDetectRule{RuleKind::kNoDetect, kNoClass, ValueCheck::kNonEmpty};
  size_t own = std::min(name_tokens, tokens.size());
  bool artefact = NamesReleaseArtefact(tokens.subspan(tokens.size() - own));
  size_t longest = std::min(tokens.size(), max_tokens_);
  std::string key;
  for (size_t len = longest; len >= 1; --len) {
    key.clear();
    for (size_t i = tokens.size() - len; i < tokens.size(); ++i) {
      if (!key.empty()) key.push_back('_');
      key += tokens[i];
    }
    auto it = rules_.find(key);
    if (it != rules_.end() && (!artefact || len >= own)) return &it->second;
  }
  if (artefact) return &kNoDetectRule;
  return KeywordRule(tokens, own);
}

}  // namespace metagate::classify
