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

bool Pipeline::KnowsClass(std::string_view name) const {
  return impl_->taxonomy.Find(name).has_value();
}

std::vector<std::string> Pipeline::GroupsOf(std::string_view name) const {
  std::vector<std::string> out;
  std::optional<classify::ClassId> id = impl_->taxonomy.Find(name);
  if (!id) return out;
  for (const std::string& parent : impl_->taxonomy.Info(*id).parents) {
    out.push_back(parent);
    for (std::string& super : classify::SuperGroups(parent)) out.push_back(std::move(super));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::vector<std::string>> Pipeline::ClassesInBody(std::string_view vendor,
                                                         std::string_view body,
                                                         PipelineScratch& scratch) const {
  auto v = impl_->vendors.find(std::string(vendor));
  if (v == impl_->vendors.end()) {
    return Status::NotFound("unknown vendor '" + std::string(vendor) + "'");
  }
  ASSIGN_OR_RETURN(classify::BodyLabels labels,
                   impl_->classifier->Classify(v->second.format->classifier_format, body,
                                               scratch.state().classifier));
  std::vector<std::string> out;
  for (const classify::FieldLabel& f : labels.fields) {
    out.insert(out.end(), f.classes.begin(), f.classes.end());
    for (const classify::LabelSpan& s : f.spans) out.push_back(s.cls);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
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
