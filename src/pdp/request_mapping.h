// Internal: an AuthZEN request turned into a Cedar request. The principal, action and resource
// are the stored entities (or new ones) with the request's properties laid over their
// attributes; context members become the Cedar context. With a schema, properties and context
// members the schema declares are read by their declared types (a mismatch is the request's
// error) and undeclared ones are ignored; without one, members that are not Cedar values
// (fractions, nulls) are ignored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/schema.h"
#include "metagate/pdp/authzen.h"

namespace metagate::pdp {

struct MappedRequest {
  cedar::Request request;
  // Entities that differ from the store for this request (properties applied), at most three.
  std::vector<cedar::Entity> overlay;
  // Set when the schema rules the request out (undeclared action, action not for these types,
  // context of the wrong shape): the answer is deny, with this note, without evaluating.
  std::string schema_note;
};

// Maps `r` (CheckComplete holds). `ns` prefixes types. An entity gets an overlay entry only when
// the request gives it properties. Errors are the request's fault (answer 400).
Result<MappedRequest> MapRequest(const AzRequest& r, const std::string& ns,
                                 const cedar::Schema* schema, const cedar::EntityLookup& store);

// `ns::name`, or `name` when there is no namespace.
std::string Namespaced(const std::string& ns, const std::string& name);

// The Cedar entity type for an AuthZEN type: `ns::type`, checked to be a Cedar name.
Result<std::string> MapType(const std::string& type, const std::string& ns, const char* what);

// Reads stored entities through `base` but the request's own versions of them from `overlay`.
class OverlayLookup : public cedar::EntityLookup {
 public:
  OverlayLookup(const cedar::EntityLookup& base, const std::vector<cedar::Entity>& overlay)
      : base_(base), overlay_(overlay) {}
  const cedar::Entity* Find(const cedar::EntityUid& uid) const override {
    for (const cedar::Entity& e : overlay_) {
      if (e.uid == uid) return &e;
    }
    return base_.Find(uid);
  }
  // Properties never change parents: ancestry is the store's.
  bool IsInOrEqual(const cedar::EntityUid& child, const cedar::EntityUid& ancestor) const override {
    return base_.IsInOrEqual(child, ancestor);
  }
  void AppendAncestors(const cedar::EntityUid& uid,
                       std::vector<const cedar::EntityUid*>& out) const override {
    base_.AppendAncestors(uid, out);
  }

 private:
  const cedar::EntityLookup& base_;
  const std::vector<cedar::Entity>& overlay_;
};

}  // namespace metagate::pdp
