// Catalog: the tracking plan, resolved against the taxonomy. Answers "is this event declared for
// this source?" and "which classes does this field of this event carry?".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/classify/taxonomy.h"
#include "metagate/egress/config.h"

namespace metagate::egress {

class Catalog {
 public:
  // Resolves class names (`unclassified_id` for a field declared with none); an unknown class
  // is an error at the field's line:col.
  static Result<Catalog> Create(const std::vector<CatalogEntry>& entries,
                                const classify::Taxonomy& taxonomy,
                                classify::ClassId unclassified_id);

  bool empty() const { return entries_.empty(); }
  // Whether some entry for `source` (or "*") names `event` (or "*").
  bool EventKnown(std::string_view source, std::string_view event) const;
  // Whether an approver denied `event` from `source`: it is blocked from then on.
  bool EventDenied(std::string_view source, std::string_view event) const;
  // The classes of `field` (logical segments, array indices as "*"; `joined` is the same path
  // joined with '.'), or nullptr when no entry for (source, event) lists it, or when the first
  // entry that lists it was denied by an approver (then `*denied` is set, when given).
  const std::vector<classify::ClassId>* Find(std::string_view source, std::string_view event,
                                             std::span<const std::string_view> field,
                                             std::string_view joined, bool* denied = nullptr) const;

 private:
  struct Field {
    std::vector<std::string> segments;
    std::string joined;
    std::vector<classify::ClassId> classes;
    bool denied = false;
  };
  struct Entry {
    std::string source;
    std::string event;
    std::vector<Field> fields;
    bool denied = false;
  };
  static bool Matches(const Field& f, std::span<const std::string_view> field,
                      std::string_view joined);
  std::vector<Entry> entries_;
};

}  // namespace metagate::egress
