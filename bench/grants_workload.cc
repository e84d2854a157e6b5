#include "grants_workload.h"

#include <random>
#include <set>
#include <utility>

namespace metagate::bench {
namespace {

constexpr int kTeams = 200;
constexpr int kUsers = 2000;
constexpr int kRepos = 1000;
const char* const kActions[] = {"pull", "push", "admin"};

std::string Uid(const std::string& type, const std::string& id) {
  return "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}";
}

}  // namespace

GrantsWorkload MakeGrantsWorkload(int num_policies, unsigned seed, int num_requests) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  GrantsWorkload w;
  std::string& e = w.entities_json;
  e = "[\n";
  // Teams nest under their parent team (t/4), so a user's ancestors are a short chain.
  for (int t = 0; t < kTeams; ++t) {
    e += "{\"uid\":" + Uid("Team", "t" + std::to_string(t)) + ",\"attrs\":{},\"parents\":[" +
         (t > 0 ? Uid("Team", "t" + std::to_string(t / 4)) : "") + "]},\n";
  }
  std::vector<std::vector<int>> members(kTeams);
  for (int u = 0; u < kUsers; ++u) {
    int t1 = pick(kTeams), t2 = pick(kTeams);
    members[t1].push_back(u);
    members[t2].push_back(u);
    e += "{\"uid\":" + Uid("User", "u" + std::to_string(u)) + ",\"attrs\":{},\"parents\":[" +
         Uid("Team", "t" + std::to_string(t1)) + "," + Uid("Team", "t" + std::to_string(t2)) +
         "]},\n";
  }
  for (int r = 0; r < kRepos; ++r) {
    e += "{\"uid\":" + Uid("Repo", "r" + std::to_string(r)) +
         ",\"attrs\":{\"owner\":{\"__entity\":" + Uid("User", "u" + std::to_string(pick(kUsers))) +
         "},\"archived\":" + (pick(10) == 0 ? "true" : "false") + "},\"parents\":[]},\n";
  }
  for (size_t a = 0; a < 3; ++a) {
    e += std::string(a ? ",\n" : "") + "{\"uid\":" + Uid("Action", kActions[a]) +
         ",\"attrs\":{},\"parents\":[]}";
  }
  e += "\n]\n";

  std::string& p = w.policies;
  p += "permit (principal, action, resource is Repo) when { resource.owner == principal };\n";
  p += "forbid (principal, action == Action::\"push\", resource) when { resource.archived };\n";
  std::vector<std::pair<int, int>> grants;
  std::set<std::pair<int, int>> seen;
  while (static_cast<int>(grants.size()) + 2 < num_policies) {
    std::pair<int, int> g{pick(kTeams), pick(kRepos)};
    if (!seen.insert(g).second) continue;
    grants.push_back(g);
    p += "permit (principal in Team::\"t" + std::to_string(g.first) + "\", action in [Action::\"" +
         (pick(2) ? "pull\", Action::\"push" : "pull") + "\"], resource in Repo::\"r" +
         std::to_string(g.second) + "\");\n";
  }
  for (int i = 0; i < num_requests; ++i) {
    GrantsRequest r;
    r.action = kActions[pick(3)];
    if (!grants.empty() && pick(2) == 0) {
      auto [t, repo] = grants[static_cast<size_t>(pick(static_cast<int>(grants.size())))];
      const std::vector<int>& m = members[static_cast<size_t>(t)];
      r.user = "u" + std::to_string(m.empty()
                                        ? pick(kUsers)
                                        : m[static_cast<size_t>(pick(static_cast<int>(m.size())))]);
      r.repo = "r" + std::to_string(repo);
    } else {
      r.user = "u" + std::to_string(pick(kUsers));
      r.repo = "r" + std::to_string(pick(kRepos));
    }
    w.requests.push_back(r);
  }
  return w;
}

}  // namespace metagate::bench
