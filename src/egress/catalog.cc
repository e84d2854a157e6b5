#include "catalog.h"

namespace metagate::egress {

Result<Catalog> Catalog::Create(const std::vector<CatalogEntry>& entries,
                                const classify::Taxonomy& taxonomy,
                                classify::ClassId unclassified_id) {
  Catalog c;
  for (const CatalogEntry& e : entries) {
    Entry out{e.source, e.event, {}, e.denied};
    for (const CatalogField& f : e.fields) {
      Field field;
      field.denied = f.denied;
      field.segments = f.pointer;
      for (size_t i = 0; i < f.pointer.size(); ++i) {
        if (i) field.joined.push_back('.');
        field.joined += f.pointer[i];
      }
      for (const std::string& name : f.classes) {
        std::optional<classify::ClassId> id = taxonomy.Find(name);
        if (!id) {
          return Status::Invalid("catalog field '" + f.path + "' names unknown class '" + name +
                                     "' (see `metagate classify --taxonomy`, or define it under "
                                     "'classes')",
                                 f.loc);
        }
        field.classes.push_back(*id);
      }
      if (field.classes.empty()) field.classes.push_back(unclassified_id);
      out.fields.push_back(std::move(field));
    }
    c.entries_.push_back(std::move(out));
  }
  return c;
}

bool Catalog::EventKnown(std::string_view source, std::string_view event) const {
  for (const Entry& e : entries_) {
    if ((e.source == "*" || e.source == source) && (e.event == "*" || e.event == event)) {
      return true;
    }
  }
  return false;
}

bool Catalog::EventDenied(std::string_view source, std::string_view event) const {
  for (const Entry& e : entries_) {
    if (e.denied && (e.source == "*" || e.source == source) &&
        (e.event == "*" || e.event == event)) {
      return true;
    }
  }
  return false;
}

bool Catalog::Matches(const Field& f, std::span<const std::string_view> field,
                      std::string_view joined) {
  if (f.joined == joined) return true;
  if (f.segments.size() != field.size()) return false;
  for (size_t i = 0; i < field.size(); ++i) {
    if (f.segments[i] != "*" && f.segments[i] != field[i]) return false;
  }
  return true;
}

const std::vector<classify::ClassId>* Catalog::Find(std::string_view source, std::string_view event,
                                                    std::span<const std::string_view> field,
                                                    std::string_view joined, bool* denied) const {
  for (const Entry& e : entries_) {
    if ((e.source != "*" && e.source != source) || (e.event != "*" && e.event != event)) continue;
    for (const Field& f : e.fields) {
      if (!Matches(f, field, joined)) continue;
      if (f.denied) {
        if (denied != nullptr) *denied = true;
        return nullptr;
      }
      return &f.classes;
    }
  }
  return nullptr;
}

}  // namespace metagate::egress
