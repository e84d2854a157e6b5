#!/usr/bin/env python3
"""Authorization benchmark workloads in the shapes of Cedar's example applications.

Writes, per application (docshare, github, todo), under OUT/<app>/:
  schema.cedarschema         the application's Cedar schema
  policies-p<P>-e<E>.cedar   a fixed core of rules plus P - core grants (per group/team and
                             folder/repo/list) naming entities of the E-entity layout, the way
                             real deployments grow
  entities-e<E>.json         E entities (Cedar entity JSON), shared by every policy count
  p<P>-e<E>.json             a test in Cedar's integration-test format (paths relative to OUT)
                             with requests but no expectations: bench/workloads/generate.sh
                             fills those from Cedar's own engine (cedar-wasm)
and for github (the RBAC workload) casbin-model.conf and casbin-p<P>-e<E>.csv, which make
exactly the same decisions in casbin.

Grants name groups/teams, folders/repos/lists and users drawn uniformly from the whole E-entity
layout, so a grant covers about as much of the data at every entity count (a grant naming only
the first containers would name the tops of their trees at large E and cover ever more of it).
The grants of a policy count use one random stream at every E (scaled to E's entity counts), so
policies-p<P>-e1000.cedar names the same entities as a 1,000-entity layout always did.
Policies read attributes of the principal, the resource and entities one attribute away
(the slicing rule of bench/peers/cedar_wasm.mjs). Deterministic for a given --seed.
Usage: gen.py --out DIR [--apps docshare,github,todo] [--policies 10,100,1000,10000]
              [--entities 1000,100000,1000000] [--combos P:E,...] [--requests N] [--seed S]
  --combos writes only the listed (policies, entities) pairs instead of the policies x entities
  grid.
"""
import argparse
import gc
import json
import os
import random
import sys
import time

MIN_E = 1000  # the smallest entity count
CORE = 10  # fixed rules per application; the rest of a policy file is grants


def pick(rng, n):
    """A uniform integer in [0, n): rng.randrange without its argument checks (faster)."""
    return int(rng.random() * n)


def uid(t, i):
    return {"type": t, "id": i}


def ref(t, i):
    return {"__entity": {"type": t, "id": i}}


def write_entities(path, entities):
    encode = json.JSONEncoder(separators=(",", ":")).encode
    with open(path, "w") as f:
        f.write("[\n")
        f.write(",\n".join(encode(e) for e in entities))
        f.write("\n]\n")


def walk_down(rng, node, children, members):
    """A random member under container `node`: descends through sub-containers."""
    for _ in range(64):
        subs, direct = children[node], members[node]
        n = len(subs) + len(direct)
        if n == 0:
            return None
        k = pick(rng, n)
        if k >= len(subs):
            return direct[k - len(subs)]
        node = subs[k]
    return None


def actions_list(actions):
    if len(actions) == 1:
        return f'action == Action::"{actions[0]}"'
    return "action in [" + ", ".join(f'Action::"{a}"' for a in actions) + "]"


class Grant:
    """A generated scope-only rule: what requests aim at, and what casbin expresses."""

    def __init__(self, effect, ptype, pid, pop, actions, rtype, rid, rop, cond=""):
        self.effect, self.ptype, self.pid, self.pop = effect, ptype, pid, pop
        self.actions, self.rtype, self.rid, self.rop, self.cond = actions, rtype, rid, rop, cond

    def cedar(self):
        return (f'{self.effect}(principal {self.pop} {self.ptype}::"{self.pid}", '
                f'{actions_list(self.actions)}, resource {self.rop} {self.rtype}::"{self.rid}")'
                f"{self.cond};")


# ---------------------------------------------------------------- document sharing
class DocShare:
    name = "docshare"
    actions = ["view", "comment", "edit", "delete", "share"]
    schema = """// Document sharing in the shape of Cedar's document-cloud example: users in nested groups,
// documents in a folder tree, each with an owner, reader and editor groups and public links.
entity Group in [Group];
entity User in [Group] {
  department: String,
  level: Long,
};
entity Folder in [Folder];
entity Document in [Folder] {
  owner: User,
  readers: Set<Group>,
  editors: Set<Group>,
  isPublic: Bool,
  isPrivate: Bool,
  classification: String,
};
type RequestContext = {
  authenticated: Bool,
  viaLink: Bool,
};
action view appliesTo { principal: User, resource: Document, context: RequestContext };
action comment appliesTo { principal: User, resource: Document, context: RequestContext };
action edit appliesTo { principal: User, resource: Document, context: RequestContext };
action delete appliesTo { principal: User, resource: Document, context: RequestContext };
action share appliesTo { principal: User, resource: Document, context: RequestContext };
"""
    core = [
        'permit(principal, action, resource) when { resource.owner == principal };',
        'permit(principal, action in [Action::"view", Action::"comment"], resource)\n'
        '  when { principal in resource.readers };',
        'permit(principal, action in [Action::"view", Action::"comment", Action::"edit"], resource)\n'
        '  when { principal in resource.editors };',
        'permit(principal, action == Action::"view", resource)\n'
        '  when { resource.isPublic && context.viaLink };',
        'permit(principal, action == Action::"view", resource)\n'
        '  when { resource.classification == "internal" &&'
        ' resource.owner.department == principal.department };',
        'permit(principal in Group::"admins", action in [Action::"view", Action::"delete"], resource)\n'
        '  unless { resource.classification == "secret" };',
        'forbid(principal, action, resource) when { resource.isPrivate }\n'
        '  unless { resource.owner == principal };',
        'forbid(principal, action, resource)\n'
        '  unless { context.authenticated ||'
        ' (context.viaLink && resource.isPublic && action == Action::"view") };',
        'forbid(principal in Group::"suspended", action, resource);',
        'forbid(principal, action in [Action::"delete", Action::"share"], resource)\n'
        '  when { resource.classification == "secret" && principal.level < 7 };',
    ]
    DEPTS = ["eng", "sales", "legal", "finance", "hr", "ops", "design", "support"]
    CLASSES = ["public", "internal", "internal", "confidential", "secret"]

    @staticmethod
    def counts(e):
        users, groups, folders = e * 20 // 100, e * 2 // 100, e * 8 // 100
        return users, groups, folders, e - users - groups - folders - 2

    def entities(self, e, rng):
        nu, ng, nf, nd = self.counts(e)
        w = {"gsub": [[] for _ in range(ng)], "gmem": [[] for _ in range(ng)],
             "fsub": [[] for _ in range(nf)], "fdoc": [[] for _ in range(nf)],
             "nu": nu, "nd": nd, "docs": [], "public": []}
        out = [{"uid": uid("Group", "admins"), "attrs": {}, "parents": []},
               {"uid": uid("Group", "suspended"), "attrs": {}, "parents": []}]
        for j in range(ng):
            parents = []
            if j > 0 and rng.random() < 0.5:
                p = pick(rng, j)
                parents.append(uid("Group", f"g{p}"))
                w["gsub"][p].append(j)
            out.append({"uid": uid("Group", f"g{j}"), "attrs": {}, "parents": parents})
        for i in range(nu):
            parents = []
            for g in {pick(rng, ng) for _ in range(1 + pick(rng, 2))}:
                parents.append(uid("Group", f"g{g}"))
                w["gmem"][g].append(i)
            r = rng.random()
            if r < 0.01:
                parents.append(uid("Group", "admins"))
            elif r < 0.02:
                parents.append(uid("Group", "suspended"))
            out.append({"uid": uid("User", f"u{i}"),
                        "attrs": {"department": self.DEPTS[pick(rng, 8)],
                                  "level": 1 + pick(rng, 9)},
                        "parents": parents})
        for k in range(nf):
            parents = []
            if k >= 4:
                p = pick(rng, k)
                parents.append(uid("Folder", f"f{p}"))
                w["fsub"][p].append(k)
            out.append({"uid": uid("Folder", f"f{k}"), "attrs": {}, "parents": parents})
        for m in range(nd):
            f = pick(rng, nf)
            w["fdoc"][f].append(m)
            owner = pick(rng, nu)
            readers = sorted({pick(rng, ng) for _ in range(pick(rng, 3))})
            editors = sorted({pick(rng, ng) for _ in range(pick(rng, 2))})
            public = rng.random() < 0.1
            if public:
                w["public"].append(m)
            w["docs"].append((owner, readers, editors))
            out.append({"uid": uid("Document", f"d{m}"),
                        "attrs": {"owner": ref("User", f"u{owner}"),
                                  "readers": [ref("Group", f"g{g}") for g in readers],
                                  "editors": [ref("Group", f"g{g}") for g in editors],
                                  "isPublic": public,
                                  "isPrivate": rng.random() < 0.05,
                                  "classification": self.CLASSES[pick(rng, 5)]},
                        "parents": [uid("Folder", f"f{f}")]})
        return out, w

    def grants(self, n, e, rng):
        nu, ng, nf, nd = self.counts(e)
        out = []
        for _ in range(n):
            r = rng.random()
            acts = sorted(rng.sample(self.actions, 1 + pick(rng, 3)), key=self.actions.index)
            if r < 0.6:
                out.append(Grant("permit", "Group", f"g{pick(rng, ng)}", "in", acts,
                                 "Folder", f"f{pick(rng, nf)}", "in"))
            elif r < 0.8:
                out.append(Grant("permit", "User", f"u{pick(rng, nu)}", "==", acts, "Folder",
                                 f"f{pick(rng, nf)}", "in",
                                 f"\n  when {{ principal.level >= {1 + pick(rng, 5)} }}"))
            elif r < 0.9:
                out.append(Grant("permit", "Group", f"g{pick(rng, ng)}", "in", ["edit"],
                                 "Document", f"d{pick(rng, nd)}", "=="))
            else:
                out.append(Grant("forbid", "Group", f"g{pick(rng, ng)}", "in",
                                 ["delete", "share"], "Folder", f"f{pick(rng, nf)}", "in"))
        return out

    def request(self, rng, w, grants):
        ctx = {"authenticated": rng.random() < 0.95, "viaLink": rng.random() < 0.1}
        act = self.actions[pick(rng, 5)]
        p = r = None
        kind = rng.random()
        if kind < 0.12:
            r = pick(rng, w["nd"])
            p = w["docs"][r][0]
        elif kind < 0.22:
            r = pick(rng, w["nd"])
            _, readers, editors = w["docs"][r]
            groups = readers + editors
            if groups:
                p = walk_down(rng, rng.choice(groups), w["gsub"], w["gmem"])
            act = rng.choice(["view", "comment", "edit"])
        elif kind < 0.25 and w["public"]:
            r = rng.choice(w["public"])
            ctx["viaLink"] = True
            act = "view"
        elif kind < 0.4 and grants:
            g = rng.choice(grants)
            act = rng.choice(g.actions)
            if g.ptype == "User":
                p = int(g.pid[1:])
            else:
                p = walk_down(rng, int(g.pid[1:]), w["gsub"], w["gmem"])
            if g.rtype == "Document":
                r = int(g.rid[1:])
            else:
                r = walk_down(rng, int(g.rid[1:]), w["fsub"], w["fdoc"])
        if p is None:
            p = pick(rng, w["nu"])
        if r is None:
            r = pick(rng, w["nd"])
        return uid("User", f"u{p}"), act, uid("Document", f"d{r}"), ctx


# ---------------------------------------------------------------- GitHub-like (RBAC)
class GitHub:
    name = "github"
    actions = ["pull", "fork", "triage", "push", "maintain", "admin"]
    roles = [["pull", "fork"], ["pull", "fork", "triage"], ["pull", "fork", "triage", "push"],
             ["pull", "fork", "triage", "push", "maintain"], actions, ["push"], ["admin"]]
    ORGS = 3
    schema = """// A GitHub-like organisation in the shape of Cedar's github example, as pure RBAC: users in
// nested teams and organisations, repositories in organisations, no attributes.
entity Org;
entity Team in [Team, Org];
entity User in [Team, Org];
entity Repo in [Org];
action pull appliesTo { principal: User, resource: Repo };
action fork appliesTo { principal: User, resource: Repo };
action triage appliesTo { principal: User, resource: Repo };
action push appliesTo { principal: User, resource: Repo };
action maintain appliesTo { principal: User, resource: Repo };
action admin appliesTo { principal: User, resource: Repo };
"""

    def __init__(self):
        A = self.actions
        self.core_grants = []
        for o in range(self.ORGS):
            self.core_grants.append(Grant("permit", "Org", f"o{o}", "in", ["pull", "fork"],
                                          "Org", f"o{o}", "in"))
            self.core_grants.append(Grant("permit", "Team", "org-admins", "in", A,
                                          "Org", f"o{o}", "in"))
            self.core_grants.append(Grant("forbid", "Team", "suspended", "in", A,
                                          "Org", f"o{o}", "in"))
        self.core_grants.append(Grant("forbid", "Team", "contractors", "in", ["maintain", "admin"],
                                      "Org", "o0", "in"))
        self.core = [g.cedar() for g in self.core_grants]

    @staticmethod
    def counts(e):
        users, teams = e * 30 // 100, e * 5 // 100
        return users, teams, e - users - teams - GitHub.ORGS - 3

    def entities(self, e, rng):
        nu, nt, nr = self.counts(e)
        O = self.ORGS
        w = {"tsub": [[] for _ in range(nt)], "tmem": [[] for _ in range(nt)], "nu": nu, "nr": nr,
             "special": {"org-admins": [], "suspended": [], "contractors": []}}
        out = [{"uid": uid("Org", f"o{o}"), "attrs": {}, "parents": []} for o in range(O)]
        out += [{"uid": uid("Team", t), "attrs": {}, "parents": []}
                for t in ("org-admins", "suspended", "contractors")]
        for j in range(nt):
            parents = [uid("Org", f"o{j % O}")]
            if j >= O and rng.random() < 0.5:
                p = j - O * (1 + pick(rng, j // O))
                parents.append(uid("Team", f"t{p}"))
                w["tsub"][p].append(j)
            out.append({"uid": uid("Team", f"t{j}"), "attrs": {}, "parents": parents})
        per_org = nt // O
        for i in range(nu):
            o = i % O
            parents = [uid("Org", f"o{o}")]
            for t in {o + O * pick(rng, per_org) for _ in range(1 + pick(rng, 3))}:
                parents.append(uid("Team", f"t{t}"))
                w["tmem"][t].append(i)
            r = rng.random()
            for name, lim in (("org-admins", 0.01), ("suspended", 0.02), ("contractors", 0.05)):
                if r < lim:
                    parents.append(uid("Team", name))
                    w["special"][name].append(i)
                    break
            out.append({"uid": uid("User", f"u{i}"), "attrs": {}, "parents": parents})
        for m in range(nr):
            out.append({"uid": uid("Repo", f"r{m}"), "attrs": {},
                        "parents": [uid("Org", f"o{m % O}")]})
        return out, w

    def grants(self, n, e, rng):
        nu, nt, nr = self.counts(e)
        O = self.ORGS
        out = []
        for _ in range(n):
            r = rng.random()
            acts = self.roles[pick(rng, len(self.roles))]
            t = pick(rng, nt)
            repo = (t % O) + O * pick(rng, nr // O)  # a repository of the team's org
            if r < 0.7:
                out.append(Grant("permit", "Team", f"t{t}", "in", acts, "Repo", f"r{repo}", "=="))
            elif r < 0.85:
                out.append(Grant("permit", "User", f"u{pick(rng, nu)}", "==", acts,
                                 "Repo", f"r{repo}", "=="))
            elif r < 0.9:
                out.append(Grant("permit", "Team", f"t{t}", "in", ["pull", "triage"],
                                 "Org", f"o{t % O}", "in"))
            else:
                out.append(Grant("forbid", "Team", f"t{t}", "in",
                                 rng.choice([["push"], ["maintain", "admin"], ["admin"]]),
                                 "Repo", f"r{repo}", "=="))
        return out

    def request(self, rng, w, grants):
        O = self.ORGS
        act = self.actions[pick(rng, len(self.actions))]
        p = r = None
        kind = rng.random()
        if kind < 0.25 and grants:
            g = rng.choice(grants)
            act = rng.choice(g.actions)
            if g.ptype == "User":
                p = int(g.pid[1:])
            elif g.pid.startswith("t"):
                p = walk_down(rng, int(g.pid[1:]), w["tsub"], w["tmem"])
            if g.rtype == "Repo":
                r = int(g.rid[1:])
            else:
                r = int(g.rid[1:]) + O * pick(rng, w["nr"] // O)
        elif kind < 0.35:
            members = w["special"][rng.choice(["org-admins", "suspended", "contractors"])]
            if members:
                p = rng.choice(members)
        if p is None:
            p = pick(rng, w["nu"])
        if r is None:
            r = pick(rng, w["nr"])
        return uid("User", f"u{p}"), act, uid("Repo", f"r{r}"), {}

    def casbin_model(self):
        return """# The github workload's policies in casbin: g links users and teams to teams and orgs (Cedar's
# principal `in`), g2 links repositories to orgs (resource `in`); a forbid overrides permits.
[request_definition]
r = sub, obj, act

[policy_definition]
p = sub, obj, act, eft, id

[role_definition]
g = _, _
g2 = _, _

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = g(r.sub, p.sub) && g2(r.obj, p.obj) && r.act == p.act
"""

    def casbin_csv(self, grants, entities):
        lines = []
        for n, g in enumerate(grants):
            eft = "allow" if g.effect == "permit" else "deny"
            for a in g.actions:
                lines.append(f"p, {g.ptype}::{g.pid}, {g.rtype}::{g.rid}, {a}, {eft}, policy{n}")
        for e in entities:
            child = f'{e["uid"]["type"]}::{e["uid"]["id"]}'
            kind = "g2" if e["uid"]["type"] == "Repo" else "g"
            for p in e["parents"]:
                lines.append(f'{kind}, {child}, {p["type"]}::{p["id"]}')
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- todo lists
class Todo:
    name = "todo"
    list_actions = ["GetList", "UpdateList", "DeleteList", "EditShare"]
    task_actions = ["GetTask", "UpdateTask", "DeleteTask"]
    schema = """// Todo lists in the shape of Cedar's TinyTodo: users in nested teams, lists with an owner and
// reader and editor teams, tasks in lists with an assignee.
entity Team in [Team];
entity User in [Team] {
  blocked: Bool,
};
entity List {
  owner: User,
  readers: Team,
  editors: Team,
  name: String,
};
entity Task in [List] {
  list: List,
  assignee: User,
  done: Bool,
};
type RequestContext = {
  mfa: Bool,
};
action GetList appliesTo { principal: User, resource: List, context: RequestContext };
action UpdateList appliesTo { principal: User, resource: List, context: RequestContext };
action DeleteList appliesTo { principal: User, resource: List, context: RequestContext };
action EditShare appliesTo { principal: User, resource: List, context: RequestContext };
action GetTask appliesTo { principal: User, resource: Task, context: RequestContext };
action UpdateTask appliesTo { principal: User, resource: Task, context: RequestContext };
action DeleteTask appliesTo { principal: User, resource: Task, context: RequestContext };
"""
    core = [
        'permit(principal, action in [Action::"GetList", Action::"UpdateList", '
        'Action::"DeleteList", Action::"EditShare"], resource)\n'
        '  when { resource.owner == principal };',
        'permit(principal, action in [Action::"GetTask", Action::"UpdateTask", '
        'Action::"DeleteTask"], resource)\n'
        '  when { resource.list.owner == principal };',
        'permit(principal, action == Action::"GetList", resource)\n'
        '  when { principal in resource.readers || principal in resource.editors };',
        'permit(principal, action == Action::"UpdateList", resource)\n'
        '  when { principal in resource.editors };',
        'permit(principal, action == Action::"GetTask", resource)\n'
        '  when { principal in resource.list.readers || principal in resource.list.editors };',
        'permit(principal, action == Action::"UpdateTask", resource)\n'
        '  when { principal in resource.list.editors || resource.assignee == principal };',
        'forbid(principal in Team::"interns", action in [Action::"DeleteList", '
        'Action::"DeleteTask"], resource);',
        'forbid(principal, action, resource) when { principal.blocked };',
        'forbid(principal, action == Action::"EditShare", resource) unless { context.mfa };',
        'forbid(principal, action == Action::"DeleteTask", resource) when { resource.done }\n'
        '  unless { resource.list.owner == principal };',
    ]

    @staticmethod
    def counts(e):
        users, teams, lists = e * 15 // 100, e * 3 // 100, e * 12 // 100
        return users, teams, lists, e - users - teams - lists - 1

    def entities(self, e, rng):
        nu, nt, nl, nk = self.counts(e)
        w = {"tsub": [[] for _ in range(nt)], "tmem": [[] for _ in range(nt)],
             "lsub": [[] for _ in range(nl)], "ltask": [[] for _ in range(nl)],
             "nu": nu, "nl": nl, "nk": nk, "lists": [], "tasks": []}
        out = [{"uid": uid("Team", "interns"), "attrs": {}, "parents": []}]
        for j in range(nt):
            parents = []
            if j > 0 and rng.random() < 0.4:
                p = pick(rng, j)
                parents.append(uid("Team", f"t{p}"))
                w["tsub"][p].append(j)
            out.append({"uid": uid("Team", f"t{j}"), "attrs": {}, "parents": parents})
        for i in range(nu):
            parents = []
            for t in {pick(rng, nt) for _ in range(pick(rng, 3))}:
                parents.append(uid("Team", f"t{t}"))
                w["tmem"][t].append(i)
            if rng.random() < 0.05:
                parents.append(uid("Team", "interns"))
            out.append({"uid": uid("User", f"u{i}"), "attrs": {"blocked": rng.random() < 0.02},
                        "parents": parents})
        for k in range(nl):
            owner, readers, editors = pick(rng, nu), pick(rng, nt), pick(rng, nt)
            w["lists"].append((owner, readers, editors))
            out.append({"uid": uid("List", f"l{k}"),
                        "attrs": {"owner": ref("User", f"u{owner}"),
                                  "readers": ref("Team", f"t{readers}"),
                                  "editors": ref("Team", f"t{editors}"), "name": f"list {k}"},
                        "parents": []})
        for m in range(nk):
            lst = pick(rng, nl)
            w["ltask"][lst].append(m)
            w["tasks"].append(lst)
            out.append({"uid": uid("Task", f"x{m}"),
                        "attrs": {"list": ref("List", f"l{lst}"),
                                  "assignee": ref("User", f"u{pick(rng, nu)}"),
                                  "done": rng.random() < 0.3},
                        "parents": [uid("List", f"l{lst}")]})
        return out, w

    def grants(self, n, e, rng):
        nu, nt, nl, nk = self.counts(e)
        out = []
        for _ in range(n):
            r = rng.random()
            if r < 0.6:
                acts = rng.choice([["GetList", "GetTask"],
                                   ["GetList", "UpdateList", "GetTask", "UpdateTask"]])
                out.append(Grant("permit", "Team", f"t{pick(rng, nt)}", "in", acts,
                                 "List", f"l{pick(rng, nl)}", "in"))
            elif r < 0.8:
                out.append(Grant("permit", "User", f"u{pick(rng, nu)}", "==",
                                 ["GetList", "GetTask"], "List", f"l{pick(rng, nl)}", "in",
                                 "\n  when { context.mfa }"))
            elif r < 0.9:
                out.append(Grant("permit", "Team", f"t{pick(rng, nt)}", "in", ["UpdateTask"],
                                 "Task", f"x{pick(rng, nk)}", "=="))
            else:
                out.append(Grant("forbid", "Team", f"t{pick(rng, nt)}", "in",
                                 ["DeleteList", "DeleteTask"], "List", f"l{pick(rng, nl)}",
                                 "in"))
        return out

    def _resource(self, rng, w, act, lst=None):
        """A resource for `act`: the list itself, or one of its tasks (or any task)."""
        if act in self.list_actions:
            return uid("List", f"l{lst if lst is not None else pick(rng, w['nl'])}")
        tasks = w["ltask"][lst] if lst is not None else []
        m = rng.choice(tasks) if tasks else pick(rng, w["nk"])
        return uid("Task", f"x{m}")

    def request(self, rng, w, grants):
        ctx = {"mfa": rng.random() < 0.8}
        act = rng.choice(self.list_actions + self.task_actions)
        p = lst = None
        res = None
        kind = rng.random()
        if kind < 0.12:
            lst = pick(rng, w["nl"])
            p = w["lists"][lst][0]
        elif kind < 0.24:
            lst = pick(rng, w["nl"])
            _, readers, editors = w["lists"][lst]
            p = walk_down(rng, rng.choice([readers, editors]), w["tsub"], w["tmem"])
        elif kind < 0.4 and grants:
            g = rng.choice(grants)
            act = rng.choice(g.actions)
            if g.ptype == "User":
                p = int(g.pid[1:])
            else:
                p = walk_down(rng, int(g.pid[1:]), w["tsub"], w["tmem"])
            if g.rtype == "Task":
                res = uid("Task", g.rid)
            else:
                lst = int(g.rid[1:])
        if p is None:
            p = pick(rng, w["nu"])
        if res is None:
            res = self._resource(rng, w, act, lst)
        return uid("User", f"u{p}"), act, res, ctx


APPS = {a.name: a for a in (DocShare(), GitHub(), Todo())}


def policy_text(app, grants):
    body = list(app.core[:CORE]) + [g.cedar() for g in grants]
    return "\n\n".join(body) + "\n"


def ints(text):
    return [int(x) for x in text.split(",") if x]


def combos_of(args):
    """The (policies, entities) pairs to write: --combos, else the --policies x --entities grid."""
    if args.combos:
        pairs = []
        for item in args.combos.split(","):
            if not item:
                continue
            p, sep, e = item.partition(":")
            if not sep or not p.isdigit() or not e.isdigit():
                sys.exit(f"gen.py: --combos takes POLICIES:ENTITIES pairs such as 100:1000, "
                         f"not {item!r}")
            pairs.append((int(p), int(e)))
        return pairs
    return [(p, e) for e in ints(args.entities) for p in ints(args.policies)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--apps", default="docshare,github,todo")
    ap.add_argument("--policies", default="10,100,1000,10000")
    ap.add_argument("--entities", default="1000,100000,1000000")
    ap.add_argument("--combos", default="",
                    help="POLICIES:ENTITIES pairs to write instead of the policies x entities grid")
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    gc.disable()  # millions of small acyclic dicts: the cycle collector only costs time here
    pairs = combos_of(args)
    for name in args.apps.split(","):
        if name not in APPS:
            sys.exit(f"gen.py: unknown app {name!r}; choose from {', '.join(APPS)}")
    if any(p < CORE or e < MIN_E for p, e in pairs):
        sys.exit(f"gen.py: policy counts must be at least {CORE} and entity counts at least "
                 f"{MIN_E}")
    counts = sorted({e for _, e in pairs})
    for name in args.apps.split(","):
        app = APPS[name]
        d = os.path.join(args.out, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "schema.cedarschema"), "w") as f:
            f.write(app.schema)
        if name == "github":
            with open(os.path.join(d, "casbin-model.conf"), "w") as f:
                f.write(app.casbin_model())
        for e in counts:
            start = time.monotonic()
            ents, world = app.entities(e, random.Random(f"{args.seed}/{name}/entities/{e}"))
            write_entities(os.path.join(d, f"entities-e{e}.json"), ents)
            for p in sorted({p for p, pe in pairs if pe == e}):
                # One grant stream per policy count, scaled to this layout's entity counts.
                grants = app.grants(p - CORE, e, random.Random(f"{args.seed}/{name}/grants/{p}"))
                policies = f"policies-p{p}-e{e}.cedar"
                with open(os.path.join(d, policies), "w") as f:
                    f.write(policy_text(app, grants))
                rng = random.Random(f"{args.seed}/{name}/requests/{p}/{e}")
                reqs = []
                for n in range(args.requests):
                    pr, act, res, ctx = app.request(rng, world, grants)
                    reqs.append({"description": f"request {n}", "principal": pr,
                                 "action": uid("Action", act), "resource": res, "context": ctx})
                test = {"policies": f"{name}/{policies}",
                        "entities": f"{name}/entities-e{e}.json",
                        "schema": f"{name}/schema.cedarschema", "shouldValidate": True,
                        "requests": reqs}
                with open(os.path.join(d, f"p{p}-e{e}.json"), "w") as f:
                    json.dump(test, f, indent=1)
                    f.write("\n")
                if name == "github":
                    with open(os.path.join(d, f"casbin-p{p}-e{e}.csv"), "w") as f:
                        f.write(app.casbin_csv(app.core_grants + grants, ents))
            print(f"gen.py: {name} {e} entities in {time.monotonic() - start:.1f} s",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
