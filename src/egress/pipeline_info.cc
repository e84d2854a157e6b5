// What a Pipeline tells about itself: the classes of a group, and the policies in force.
#include <algorithm>

#include "metagate/cedar/formatter.h"
#include "pipeline_impl.h"

namespace metagate::egress {

std::vector<std::string> Pipeline::ClassesIn(std::string_view group) const {
  const classify::Taxonomy& t = impl_->taxonomy;
  std::vector<std::string> out;
  for (classify::ClassId c = 0; c < t.size(); ++c) {
    bool in = false;
    for (const std::string& parent : t.Info(c).parents) {
      if (parent == group) in = true;
      for (const std::string& super : classify::SuperGroups(parent)) in = in || super == group;
    }
    if (in) out.emplace_back(t.Name(c));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::string, std::string>> Pipeline::PolicyTexts() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const cedar::PolicyPtr& p : impl_->cedar.policies.policies()) {
    out.emplace_back(p->id, cedar::PolicyToText(*p));
  }
  return out;
}

}  // namespace metagate::egress
