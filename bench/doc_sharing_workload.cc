#include "doc_sharing_workload.h"

#include <random>

namespace metagate::bench {

namespace {

constexpr int kGroups = 20;
constexpr int kUsers = 595;
constexpr int kFolders = 80;
constexpr int kDocuments = 300;
const char* const kActions[] = {"view", "comment", "edit", "share", "delete"};

std::string Uid(const std::string& type, const std::string& id) {
  return "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}";
}

}  // namespace

Workload MakeDocSharingWorkload(unsigned seed, int num_requests) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Workload w;
  std::string& e = w.entities_json;
  e = "[\n";
  bool first = true;
  auto add = [&](const std::string& uid, const std::string& attrs,
                 const std::vector<std::string>& parents) {
    if (!first) e += ",\n";
    first = false;
    e += "{\"uid\":" + uid + ",\"attrs\":{" + attrs + "},\"parents\":[";
    for (size_t i = 0; i < parents.size(); ++i) e += (i ? "," : "") + parents[i];
    e += "]}";
  };
  for (int g = 0; g < kGroups; ++g) {
    std::vector<std::string> parents;
    if (g > 0) parents.push_back(Uid("Group", "g" + std::to_string((g - 1) / 3)));
    add(Uid("Group", "g" + std::to_string(g)), "", parents);
  }
  for (int u = 0; u < kUsers; ++u) {
    std::vector<std::string> parents = {Uid("Group", "g" + std::to_string(pick(kGroups)))};
    if (pick(3) == 0) parents.push_back(Uid("Group", "g" + std::to_string(pick(kGroups))));
    add(Uid("User", "u" + std::to_string(u)),
        "\"clearance\":" + std::to_string(pick(5)) + ",\"department\":\"d" +
            std::to_string(pick(8)) + "\"",
        parents);
  }
  for (int f = 0; f < kFolders; ++f) {
    std::vector<std::string> parents;
    if (f > 0) parents.push_back(Uid("Folder", "f" + std::to_string((f - 1) / 4)));
    add(Uid("Folder", "f" + std::to_string(f)), "", parents);
  }
  for (int d = 0; d < kDocuments; ++d) {
    std::string readers;
    int n = pick(6);
    for (int i = 0; i < n; ++i) {
      readers += std::string(i ? "," : "") + "{\"__entity\":" +
                 Uid("User", "u" + std::to_string(pick(kUsers))) + "}";
    }
    add(Uid("Document", "doc" + std::to_string(d)),
        "\"owner\":{\"__entity\":" + Uid("User", "u" + std::to_string(pick(kUsers))) +
            "},\"private\":" + (pick(4) == 0 ? "true" : "false") +
            ",\"classification\":" + std::to_string(pick(5)) + ",\"readers\":[" + readers + "]",
        {Uid("Folder", "f" + std::to_string(pick(kFolders)))});
  }
  for (const char* a : kActions) add(Uid("Action", a), "", {});
  e += "\n]\n";

  std::string& p = w.policies;
  // 60 role-based grants: a group may view and comment in a folder subtree.
  for (int i = 0; i < 60; ++i) {
    p += "permit (principal in Group::\"g" + std::to_string(pick(kGroups)) +
         "\", action in [Action::\"view\", Action::\"comment\"], resource in Folder::\"f" +
         std::to_string(pick(kFolders)) + "\");\n";
  }
  // 20 attribute and relationship grants.
  for (int i = 0; i < 20; ++i) {
    switch (i % 4) {
      case 0:
        p += "permit (principal, action in [Action::\"edit\", Action::\"share\"], resource is "
             "Document) when { resource.owner == principal };\n";
        break;
      case 1:
        p += "permit (principal, action == Action::\"view\", resource is Document) when { "
             "principal in resource.readers };\n";
        break;
      case 2:
        p += "permit (principal is User, action == Action::\"view\", resource in Folder::\"f" +
             std::to_string(pick(kFolders)) +
             "\") when { principal.clearance >= resource.classification };\n";
        break;
      default:
        p += "permit (principal in Group::\"g" + std::to_string(pick(kGroups)) +
             "\", action == Action::\"edit\", resource) when { resource has owner && "
             "principal.department == \"d" +
             std::to_string(pick(8)) + "\" };\n";
    }
  }
  // 20 prohibitions.
  for (int i = 0; i < 20; ++i) {
    switch (i % 3) {
      case 0:
        p += "forbid (principal, action == Action::\"delete\", resource) unless { "
             "resource.owner == principal };\n";
        break;
      case 1:
        p += "forbid (principal, action, resource in Folder::\"f" + std::to_string(pick(kFolders)) +
             "\") when { resource.private && !(principal in resource.readers) && "
             "resource.owner != principal };\n";
        break;
      default:
        p += "forbid (principal, action == Action::\"share\", resource) when { "
             "resource.classification > " +
             std::to_string(2 + pick(3)) + " };\n";
    }
  }

  for (int i = 0; i < num_requests; ++i) {
    WorkloadRequest r;
    r.user = "u" + std::to_string(pick(kUsers));
    r.action = kActions[pick(5)];
    r.document = "doc" + std::to_string(pick(kDocuments));
    w.requests.push_back(r);
  }
  return w;
}

}  // namespace metagate::bench
