// Fuzzes the AuthZEN request decoders: the same bytes go to the evaluation, evaluations and the
// three search decoders. Decoded batches are merged and checked item by item, and every response
// encoder's output must parse back as JSON with the values it was given (traps otherwise).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/json.h"
#include "metagate/common/utf8.h"
#include "metagate/pdp/authzen.h"

namespace {

using metagate::Status;
using metagate::StatusCode;
namespace json = metagate::json;
namespace pdp = metagate::pdp;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

json::Value MustParse(const std::string& text) {
  auto doc = json::Parse(text);
  Check(doc.ok() && doc->is_object());
  return std::move(doc).value();
}

// A decoder's error is a 400 with a message; its error body must round-trip.
void CheckError(const Status& st) {
  if (st.ok()) return;
  Check(st.code() == StatusCode::kInvalidArgument && !st.message().empty());
  json::Value body = MustParse(pdp::EncodeError(400, st.message()));
  Check(body.Find("error")->Find("message")->as_string() == st.message());
}

void CheckBatch(const pdp::AzEvaluationsRequest& req) {
  std::vector<pdp::ItemResult> results;
  if (req.evaluations) {
    Check(req.evaluations->size() <= pdp::kMaxEvaluations);
    for (const pdp::AzRequest& item : *req.evaluations) {
      pdp::AzRequest merged = pdp::Merge(req.defaults, item);
      Status st = pdp::CheckComplete(merged);
      // Merging never loses a part that the item or the defaults had.
      Check(merged.subject.has_value() == (item.subject || req.defaults.subject));
      Check(merged.context.has_value() == (item.context || req.defaults.context));
      results.push_back({st.ok(), merged.context});
    }
  } else {
    results.push_back({pdp::CheckComplete(req.defaults).ok(), req.defaults.context});
  }
  json::Value doc = MustParse(pdp::EncodeEvaluations(results));
  Check(doc.Find("evaluations")->items().size() == results.size());
  const json::Value* ctx = req.defaults.context ? &*req.defaults.context : nullptr;
  json::Value single = MustParse(pdp::EncodeDecision(true, ctx));
  Check((single.Find("context") != nullptr) == (ctx != nullptr));
}

void CheckSearch(const pdp::AzSearchRequest& req, pdp::SearchKind kind) {
  std::vector<pdp::SearchHit> hits;
  const auto& q = req.query;
  if (kind != pdp::SearchKind::kAction) Check(q.action && !q.action->name.empty());
  if (kind != pdp::SearchKind::kSubject) Check(q.subject && q.subject->id.has_value());
  if (kind == pdp::SearchKind::kSubject) Check(q.subject && !q.subject->id.has_value());
  hits.push_back({q.subject->type, q.subject->id.value_or(""), q.action ? q.action->name : ""});
  hits.push_back({q.resource->type, q.resource->id.value_or(""), ""});
  json::Value doc = MustParse(pdp::EncodeSearchResults(kind, hits, req.page_token));
  const json::Value& first = doc.Find("results")->items().at(0);
  if (kind == pdp::SearchKind::kAction) {
    Check(first.Find("name")->as_string() == hits[0].name);
  } else {
    Check(first.Find("type")->as_string() == hits[0].type);
    Check(first.Find("id")->as_string() == hits[0].id);
  }
  Check((doc.Find("page") != nullptr) == req.page_token.has_value());
  if (req.page_limit) Check(*req.page_limit > 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);

  auto single = pdp::DecodeEvaluation(body);
  CheckError(single.status());
  if (single.ok()) Check(pdp::CheckComplete(*single).ok());

  auto batch = pdp::DecodeEvaluations(body);
  CheckError(batch.status());
  if (batch.ok()) CheckBatch(*batch);

  for (pdp::SearchKind kind :
       {pdp::SearchKind::kSubject, pdp::SearchKind::kResource, pdp::SearchKind::kAction}) {
    auto search = pdp::DecodeSearch(body, kind);
    CheckError(search.status());
    if (search.ok()) CheckSearch(*search, kind);
  }

  std::string_view base = body.substr(0, 64);
  if (metagate::utf8::FindInvalid(base) == base.size()) {
    json::Value meta = MustParse(pdp::EncodeMetadata(base, true));
    Check(meta.members().size() == 6);
  }
  return 0;
}
