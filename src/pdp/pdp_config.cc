// Reads the `pdp:` section (see docs/pdp.md). Errors are "FILE:LINE:COL: message" and never
// repeat a secret reference's target.
#include "metagate/pdp/pdp_config.h"

#include "metagate/common/file_util.h"
#include "yaml_fields.h"

namespace metagate::pdp {
namespace {

using namespace egress::yaml_fields;  // NOLINT: the shared config-reading helpers

class Parser {
 public:
  explicit Parser(PdpConfig& c) : c_(c) {}

  Status ParseSection(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "'pdp'",
                                            {"policies", "schema", "entities", "namespace",
                                             "authzen", "entities_api", "base_url", "ext_authz"}));
    YAML::Node policies = m.Get("policies");
    if (!policies) return Bad(n, "'pdp' needs 'policies': the Cedar policy files or folders");
    ASSIGN_OR_RETURN(c_.policies, StrList(policies, "'pdp.policies'"));
    for (auto& p : c_.policies) p = Resolve(c_.base_dir, p);
    if (YAML::Node v = m.Get("schema")) {
      ASSIGN_OR_RETURN(std::string s, NonEmptyStr(v, "'pdp.schema'"));
      c_.schema = Resolve(c_.base_dir, s);
    }
    if (YAML::Node v = m.Get("entities")) {
      ASSIGN_OR_RETURN(c_.entities, StrList(v, "'pdp.entities'"));
      for (auto& e : c_.entities) e = Resolve(c_.base_dir, e);
    }
    if (YAML::Node v = m.Get("namespace")) {
      ASSIGN_OR_RETURN(c_.cedar_namespace, Str(v, "'pdp.namespace'"));
    }
    if (YAML::Node v = m.Get("base_url")) {
      ASSIGN_OR_RETURN(c_.base_url, NonEmptyStr(v, "'pdp.base_url'"));
      while (c_.base_url.size() > 1 && c_.base_url.back() == '/') c_.base_url.pop_back();
      if (!c_.base_url.starts_with("https://") && !c_.base_url.starts_with("http://")) {
        return Bad(v, "'pdp.base_url' must start with https:// (or http://)");
      }
    }
    if (YAML::Node v = m.Get("authzen")) {
      ASSIGN_OR_RETURN(Mapping a, Mapping::Of(v, "'pdp.authzen'", {"token"}));
      if (YAML::Node t = a.Get("token")) {
        ASSIGN_OR_RETURN(c_.authzen_token, Secret(t, "'pdp.authzen.token'", c_.base_dir));
      }
    }
    if (YAML::Node v = m.Get("entities_api")) {
      ASSIGN_OR_RETURN(Mapping a, Mapping::Of(v, "'pdp.entities_api'", {"token"}));
      if (YAML::Node t = a.Get("token")) {
        ASSIGN_OR_RETURN(c_.entities_token, Secret(t, "'pdp.entities_api.token'", c_.base_dir));
      }
    }
    if (YAML::Node v = m.Get("ext_authz")) RETURN_IF_ERROR(ParseExtAuthz(v));
    return Status::Ok();
  }

 private:
  Status ParseExtAuthz(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "'pdp.ext_authz'",
                                            {"path_prefix", "principal", "routes", "allow_headers",
                                             "context_headers"}));
    ExtAuthzConfig x;
    if (YAML::Node v = m.Get("path_prefix")) {
      ASSIGN_OR_RETURN(x.path_prefix, NonEmptyStr(v, "'ext_authz.path_prefix'"));
    }
    YAML::Node principal = m.Get("principal");
    if (!principal)
      return Bad(n, "'ext_authz' needs 'principal' (its 'type' and 'jwt' or 'header')");
    RETURN_IF_ERROR(ParsePrincipal(principal, x.principal));
    YAML::Node routes = m.Get("routes");
    if (!routes || !routes.IsSequence() || routes.size() == 0) {
      return Bad(routes ? routes : n, "'ext_authz.routes' must be a non-empty list of rules");
    }
    for (const YAML::Node& r : routes) {
      ASSIGN_OR_RETURN(RouteRule rule, ParseRoute(r));
      x.routes.push_back(std::move(rule));
    }
    if (YAML::Node v = m.Get("allow_headers")) {
      if (!v.IsMap()) return Bad(v, "'ext_authz.allow_headers' must map header names to values");
      for (const auto& kv : v) {
        ASSIGN_OR_RETURN(std::string value, Str(kv.second, "each allow_headers value"));
        x.allow_headers.emplace_back(kv.first.Scalar(), std::move(value));
      }
    }
    if (YAML::Node v = m.Get("context_headers")) {
      ASSIGN_OR_RETURN(x.context_headers, StrList(v, "'ext_authz.context_headers'"));
    }
    Status valid = ValidateExtAuthzConfig(x);
    if (!valid.ok()) return Bad(n, "'ext_authz': " + valid.message());
    c_.ext_authz = std::move(x);
    return Status::Ok();
  }

  Status ParsePrincipal(const YAML::Node& n, PrincipalSource& p) {
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "'ext_authz.principal'", {"type", "jwt", "header"}));
    YAML::Node type = m.Get("type");
    if (!type) return Bad(n, "'ext_authz.principal' needs 'type': the principal's Cedar type");
    ASSIGN_OR_RETURN(p.type, NonEmptyStr(type, "'ext_authz.principal.type'"));
    if (m.Has("jwt") == m.Has("header")) {
      return Bad(n,
                 "'ext_authz.principal' needs exactly one of 'jwt' (a verified bearer token) "
                 "or 'header' (a header a trusted proxy sets)");
    }
    if (YAML::Node h = m.Get("header")) {
      p.from_jwt = false;
      ASSIGN_OR_RETURN(p.header, NonEmptyStr(h, "'ext_authz.principal.header'"));
      return Status::Ok();
    }
    YAML::Node jwt = m.Get("jwt");
    ASSIGN_OR_RETURN(Mapping j, Mapping::Of(jwt, "'ext_authz.principal.jwt'",
                                            {"keys", "claim", "issuer", "audience",
                                             "leeway_seconds", "require_exp"}));
    p.from_jwt = true;
    if (YAML::Node v = j.Get("claim")) {
      ASSIGN_OR_RETURN(p.jwt_claim, NonEmptyStr(v, "'jwt.claim'"));
    }
    if (YAML::Node v = j.Get("issuer")) {
      ASSIGN_OR_RETURN(c_.jwt_options.issuer, Str(v, "'jwt.issuer'"));
    }
    if (YAML::Node v = j.Get("audience")) {
      ASSIGN_OR_RETURN(c_.jwt_options.audience, Str(v, "'jwt.audience'"));
    }
    if (YAML::Node v = j.Get("leeway_seconds")) {
      ASSIGN_OR_RETURN(c_.jwt_options.leeway_seconds, NonNegativeInt(v, "'jwt.leeway_seconds'"));
    }
    if (YAML::Node v = j.Get("require_exp")) {
      ASSIGN_OR_RETURN(c_.jwt_options.require_exp, Bool(v, "'jwt.require_exp'"));
    }
    YAML::Node keys = j.Get("keys");
    if (!keys || !keys.IsSequence() || keys.size() == 0) {
      return Bad(keys ? keys : jwt, "'jwt.keys' must list at least one key");
    }
    for (const YAML::Node& k : keys) {
      ASSIGN_OR_RETURN(Mapping km, Mapping::Of(k, "a JWT key", {"alg", "kid", "key"}));
      JwtKeyConfig key;
      YAML::Node alg = km.Get("alg");
      if (!alg) return Bad(k, "a JWT key needs 'alg': HS256 or RS256");
      ASSIGN_OR_RETURN(std::string a, Str(alg, "'alg'"));
      if (a == "HS256") {
        key.alg = JwtKey::kHs256;
      } else if (a == "RS256") {
        key.alg = JwtKey::kRs256;
      } else {
        return Bad(alg, "'alg' must be HS256 or RS256");
      }
      if (YAML::Node v = km.Get("kid")) {
        ASSIGN_OR_RETURN(key.kid, Str(v, "'kid'"));
      }
      YAML::Node material = km.Get("key");
      if (!material) {
        return Bad(k,
                   "a JWT key needs 'key': \"file:PATH\" or \"env:NAME\" (HS256: the secret; "
                   "RS256: a PEM public key)");
      }
      ASSIGN_OR_RETURN(key.material, Secret(material, "'key'", c_.base_dir));
      c_.jwt_keys.push_back(std::move(key));
    }
    return Status::Ok();
  }

  Result<RouteRule> ParseRoute(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m,
                     Mapping::Of(n, "a route rule", {"methods", "path", "action", "resource"}));
    RouteRule r;
    if (YAML::Node v = m.Get("methods")) {
      ASSIGN_OR_RETURN(r.methods, StrList(v, "'methods'"));
    }
    YAML::Node path = m.Get("path");
    if (!path) return Bad(n, "a route rule needs 'path', e.g. /todos/{todoId}");
    ASSIGN_OR_RETURN(r.path_template, NonEmptyStr(path, "'path'"));
    if (YAML::Node v = m.Get("action")) {
      ASSIGN_OR_RETURN(r.action, NonEmptyStr(v, "'action'"));
    }
    YAML::Node res = m.Get("resource");
    if (!res) return Bad(n, "a route rule needs 'resource: {type: T, id: TEMPLATE}'");
    ASSIGN_OR_RETURN(Mapping rm, Mapping::Of(res, "'resource'", {"type", "id"}));
    if (!rm.Has("type") || !rm.Has("id")) return Bad(res, "'resource' needs 'type' and 'id'");
    ASSIGN_OR_RETURN(r.resource_type, NonEmptyStr(rm.Get("type"), "'resource.type'"));
    ASSIGN_OR_RETURN(r.resource_id, NonEmptyStr(rm.Get("id"), "'resource.id'"));
    return r;
  }

  PdpConfig& c_;
};

}  // namespace

Result<std::optional<PdpConfig>> ParsePdpConfig(std::string_view yaml, const std::string& file) {
  PdpConfig config;
  config.file = file;
  config.base_dir = BaseDirOf(file);
  bool present = false;
  Status st;
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsMap()) {
      st = CheckKeysUnique(root, 0);
      if (st.ok()) {
        if (YAML::Node d = root["data_dir"]) {
          Result<std::string> dir = NonEmptyStr(d, "'data_dir'");
          if (dir.ok())
            config.data_dir = Resolve(config.base_dir, *dir);
          else
            st = dir.status();
        }
      }
      if (st.ok()) {
        if (YAML::Node n = root["pdp"]) {
          present = true;
          st = Parser(config).ParseSection(n);
        }
      }
    } else if (root.IsDefined() && !root.IsNull()) {
      st = Bad(root, "the config must be a mapping (with a 'pdp' section)");
    }
  } catch (const YAML::Exception& e) {
    st = LocateYamlError(e);
  }
  if (!st.ok()) return file.empty() ? st : st.WithContext(file);
  if (!present) return std::optional<PdpConfig>();
  return std::optional<PdpConfig>(std::move(config));
}

Result<std::optional<PdpConfig>> LoadPdpConfig(const std::string& file) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(file));
  return ParsePdpConfig(text, file);
}

}  // namespace metagate::pdp
