// Cedar values and entities written as Cedar's entity JSON.
#include "metagate/cedar/entities_json.h"

namespace metagate::cedar {

namespace {
using JV = json::Value;

JV UidJson(const EntityUid& uid) {
  return JV::Object({{"type", JV::String(uid.type())}, {"id", JV::String(uid.id())}});
}
}  // namespace

json::Value ValueToJson(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBool:
      return JV::Bool(v.as_bool());
    case ValueKind::kLong:
      return JV::Int(v.as_long());
    case ValueKind::kString:
      return JV::String(v.as_string());
    case ValueKind::kEntity:
      return JV::Object({{"__entity", UidJson(v.as_entity())}});
    case ValueKind::kSet: {
      std::vector<JV> items;
      for (const auto& e : v.set_elems()) items.push_back(ValueToJson(e));
      return JV::Array(std::move(items));
    }
    case ValueKind::kRecord: {
      std::vector<JV::Member> m;
      for (const auto& [k, f] : v.record_fields()) m.emplace_back(k, ValueToJson(f));
      return JV::Object(std::move(m));
    }
    case ValueKind::kExtension:
      return JV::Object(
          {{"__extn", JV::Object({{"fn", JV::String(v.as_extension().ConstructorName())},
                                  {"arg", JV::String(v.as_extension().ConstructorArg())}})}});
  }
  return JV::Null();
}

json::Value EntityToJson(const Entity& entity) {
  std::vector<JV> parents;
  for (const EntityUid& p : entity.parents) parents.push_back(UidJson(p));
  std::vector<JV::Member> m = {{"uid", UidJson(entity.uid)},
                               {"attrs", ValueToJson(entity.attrs)},
                               {"parents", JV::Array(std::move(parents))}};
  if (entity.tags.is_record() && !entity.tags.record_fields().empty()) {
    m.emplace_back("tags", ValueToJson(entity.tags));
  }
  return JV::Object(std::move(m));
}

}  // namespace metagate::cedar
