// The scope index must never drop a policy that a full scan would find satisfied (or erroring):
// compares indexed decisions with decisions from evaluating every policy, over random
// hierarchies, scopes (==, in, is, is-in, action lists, linked templates) and requests.
#include "metagate/cedar/scope_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "metagate/cedar/authorizer.h"

namespace metagate::cedar {
namespace {

constexpr int kPerType = 6;
const char* const kTypes[] = {"User", "Group", "Doc", "Folder"};

class RandomWorld {
 public:
  explicit RandomWorld(unsigned seed) : rng_(seed) {}

  EntityUid Uid(const char* type) { return EntityUid(type, std::to_string(Pick(kPerType))); }
  EntityUid AnyUid() { return Uid(kTypes[Pick(4)]); }
  EntityUid Action() { return EntityUid("Action", std::to_string(Pick(4))); }
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }

  // Users in groups, groups in groups, docs in folders, folders in folders, actions in actions;
  // some parents are not entities themselves; one of each type is left out of the store.
  Entities MakeEntities() {
    Entities es;
    for (const char* type : kTypes) {
      for (int i = 0; i + 1 < kPerType; ++i) {
        Entity e;
        e.uid = EntityUid(type, std::to_string(i));
        int n = Pick(3);
        for (int k = 0; k < n; ++k) {
          bool doc_side = type[0] == 'D' || type[0] == 'F';
          EntityUid parent = Uid(doc_side ? "Folder" : "Group");
          // Parents with a lower id only, so the hierarchy has no cycle.
          if (std::stoi(parent.id()) < i || parent.type() != type) e.parents.push_back(parent);
        }
        if (Pick(4) == 0) e.parents.push_back(EntityUid("Group", "outside"));
        e.attrs = Value::Record({{"n", Value::Long(Pick(3))}});
        EXPECT_TRUE(es.Add(std::move(e)).ok());
      }
    }
    for (int i = 0; i < 4; ++i) {
      Entity a;
      a.uid = EntityUid("Action", std::to_string(i));
      if (i > 0) a.parents.push_back(EntityUid("Action", std::to_string(Pick(i))));
      EXPECT_TRUE(es.Add(std::move(a)).ok());
    }
    es.Finalize();
    return es;
  }

  std::string Scope(const char* var, bool allow_slot) {
    switch (Pick(allow_slot ? 7 : 6)) {
      case 0:
        return var;
      case 1:
        return std::string(var) + " == " + AnyUid().ToString();
      case 2:
        return std::string(var) + " in " + AnyUid().ToString();
      case 3:
        return std::string(var) + " is " + kTypes[Pick(4)];
      case 4:
        return std::string(var) + " is " + kTypes[Pick(4)] + " in " + AnyUid().ToString();
      case 5:
        return std::string(var) + " in " + AnyUid().ToString();
      default:
        return std::string(var) + (Pick(2) ? " == ?" : " in ?") + var;
    }
  }

  std::string ActionScope() {
    switch (Pick(4)) {
      case 0:
        return "action";
      case 1:
        return "action == " + Action().ToString();
      case 2:
        return "action in " + Action().ToString();
      default:
        return "action in [" + Action().ToString() + ", " + Action().ToString() + "]";
    }
  }

  std::string Policies(int n) {
    std::string text;
    for (int i = 0; i < n; ++i) {
      text += Pick(3) == 0 ? "forbid(" : "permit(";
      text +=
          Scope("principal", true) + ", " + ActionScope() + ", " + Scope("resource", true) + ")";
      // Some conditions error (no attribute `n` on actions or absent entities).
      if (Pick(3) == 0) text += " when { principal.n == " + std::to_string(Pick(3)) + " }";
      text += ";\n";
    }
    return text;
  }

 private:
  std::mt19937 rng_;
};

// The decision from evaluating every policy, without the index.
Response FullScan(const Request& request, const PolicySet& set, const EntityLookup& es) {
  Response r;
  Evaluator ev(request, es);
  std::vector<std::string> permits, forbids;
  for (const PolicyPtr& p : set.policies()) {
    Result<bool> s = ev.Satisfied(*p);
    if (!s.ok()) {
      r.errors.push_back({p->id, s.status().message()});
    } else if (*s) {
      (p->effect == Effect::kForbid ? forbids : permits).push_back(p->id);
    }
  }
  r.decision = forbids.empty() && !permits.empty() ? Decision::kAllow : Decision::kDeny;
  r.reasons = forbids.empty() ? permits : forbids;
  std::sort(r.reasons.begin(), r.reasons.end());
  std::sort(r.errors.begin(), r.errors.end(),
            [](const PolicyError& a, const PolicyError& b) { return a.policy_id < b.policy_id; });
  return r;
}

TEST(ScopeIndexTest, IndexedDecisionsEqualFullScan) {
  size_t allows = 0, denies_with_reasons = 0, errors = 0, compared = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    RandomWorld w(seed);
    Entities es = w.MakeEntities();
    auto parsed = PolicySet::FromText(w.Policies(60));
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    PolicySet set = std::move(parsed).value();
    // Link every template a few times.
    std::vector<PolicyPtr> templates = set.templates();
    int link = 0;
    for (const PolicyPtr& t : templates) {
      for (int k = 0; k < 3; ++k) {
        std::optional<EntityUid> p, r;
        if (t->principal.slot) p = w.AnyUid();
        if (t->resource.slot) r = w.AnyUid();
        ASSERT_TRUE(set.Link(t->id, "link" + std::to_string(link++), p, r).ok());
      }
    }
    for (int i = 0; i < 300; ++i) {
      Request req{w.Pick(2) ? w.Uid("User") : w.AnyUid(), w.Action(),
                  w.Pick(2) ? w.Uid("Doc") : w.AnyUid(), Value::Record({})};
      Response want = FullScan(req, set, es);
      Response got = IsAuthorized(req, set, es);
      ASSERT_EQ(got.decision, want.decision) << "seed " << seed << " request " << i;
      ASSERT_EQ(got.reasons, want.reasons) << "seed " << seed << " request " << i;
      ASSERT_EQ(got.errors.size(), want.errors.size()) << "seed " << seed << " request " << i;
      for (size_t k = 0; k < got.errors.size(); ++k) {
        EXPECT_EQ(got.errors[k].policy_id, want.errors[k].policy_id);
        EXPECT_EQ(got.errors[k].message, want.errors[k].message);
      }
      ++compared;
      allows += want.decision == Decision::kAllow;
      denies_with_reasons += want.decision == Decision::kDeny && !want.reasons.empty();
      errors += !want.errors.empty();
    }
  }
  // The random worlds exercise every outcome, so the comparison is not vacuous.
  EXPECT_GT(allows, compared / 20);
  EXPECT_GT(denies_with_reasons, compared / 20);
  EXPECT_GT(errors, compared / 50);
}

TEST(ScopeIndexTest, CandidatesLeaveOutPoliciesOfOtherPrincipalsAndResources) {
  Entities es;
  for (int t = 0; t < 100; ++t) {
    Entity u;
    u.uid = EntityUid("User", "u" + std::to_string(t));
    u.parents.push_back(EntityUid("Team", "t" + std::to_string(t)));
    ASSERT_TRUE(es.Add(std::move(u)).ok());
  }
  es.Finalize();
  std::string text;
  for (int t = 0; t < 100; ++t) {
    for (int r = 0; r < 100; ++r) {
      text += "permit(principal in Team::\"t" + std::to_string(t) +
              "\", action in [Action::\"pull\", Action::\"push\"], resource in Repo::\"r" +
              std::to_string(r) + "\");\n";
    }
  }
  auto set = PolicySet::FromText(text);
  ASSERT_TRUE(set.ok());
  Request req{EntityUid("User", "u7"), EntityUid("Action", "push"), EntityUid("Repo", "r42"),
              Value::Record({})};
  std::vector<const Policy*> candidates;
  set->Candidates(req, es, candidates);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0]->id, "policy742");
  // Every team and repository key is found (the keys outgrow the lookup table's first size),
  // and an entity no scope names finds nothing.
  for (int t = 0; t < 100; ++t) {
    for (int r = 0; r < 100; ++r) {
      req.principal = EntityUid("User", "u" + std::to_string(t));
      req.resource = EntityUid("Repo", "r" + std::to_string(r));
      candidates.clear();
      set->Candidates(req, es, candidates);
      ASSERT_EQ(candidates.size(), 1u) << t << " " << r;
      EXPECT_EQ(candidates[0]->id, "policy" + std::to_string(t * 100 + r));
    }
  }
  req.resource = EntityUid("Repo", "r100");
  candidates.clear();
  set->Candidates(req, es, candidates);
  EXPECT_TRUE(candidates.empty());
  req.resource = EntityUid("Repo", "r42");
  req.action = EntityUid("Action", "admin");
  candidates.clear();
  set->Candidates(req, es, candidates);
  EXPECT_TRUE(candidates.empty());
}

}  // namespace
}  // namespace metagate::cedar
