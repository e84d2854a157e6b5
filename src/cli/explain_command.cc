// `metagate explain`: says in which form one field of one event leaves for a given integration
// and vendor, and which policies decided each rung of its ladder.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "commands.h"
#include "metagate/egress/pipeline.h"
#include "pipeline_loading.h"

namespace metagate::cli {

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

}  // namespace

int RunExplain(int argc, char** argv) {
  CLI::App app{
      "Explains the egress decision for one field: its classes (from the catalog, or --class),\n"
      "whether the event may be sent (send_event), then each rung of the field's ladder with\n"
      "Cedar's answer per class and the determining policy ids (send_field), and the form the\n"
      "field leaves in. PATH is the field inside the event, dotted (`properties.email`) or as a\n"
      "pointer (`/properties/email`); use `(envelope)` as EVENT for fields outside every event.",
      "metagate explain"};
  std::string config_path, integration, vendor, event, path;
  std::vector<std::string> classes;
  app.add_option("--config", config_path, "metagate YAML config (see docs/config.md)")->required();
  app.add_option("--integration", integration, "the sending integration's id")->required();
  app.add_option("--vendor", vendor, "the receiving vendor's id")->required();
  app.add_option("--event", event, "the event name")->required();
  app.add_option("--path", path, "the field's path inside the event")->required();
  app.add_option("--class", classes, "the field's class (repeatable); default: the catalog's");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  std::shared_ptr<const egress::Pipeline> pipeline = LoadPipeline(config_path, "explain");
  if (!pipeline) return 2;
  if (Status s = CheckFlow(pipeline->config(), integration, vendor); !s.ok()) {
    std::fprintf(stderr, "metagate explain: %s\n", s.ToString().c_str());
    return 2;
  }
  Result<egress::Explanation> ex = pipeline->Explain(integration, vendor, event, path, classes);
  if (!ex.ok()) {
    std::fprintf(stderr, "metagate explain: %s\n", ex.status().ToString().c_str());
    return 2;
  }
  std::printf("field    %s in event \"%s\", %s -> %s\n", path.c_str(), event.c_str(),
              integration.c_str(), vendor.c_str());
  std::printf("classes  %s (%s)\n", Join(ex->classes).c_str(),
              std::string(egress::ClassSourceName(ex->source)).c_str());
  std::printf("event    %s by %s\n", ex->event_allowed ? "allowed" : "blocked",
              Join(ex->event_reasons).c_str());
  if (ex->source == egress::ClassSource::kUnknown && ex->classes.empty()) {
    std::printf("unknown  the catalog does not list this field: unknown_fields: %s\n",
                std::string(egress::UnknownFieldsName(pipeline->config().unknown_fields)).c_str());
  }
  for (const egress::RungDecision& r : ex->rungs) {
    std::printf("rung     %-13s %-18s %s by %s\n", r.form.c_str(), r.cls.c_str(),
                r.allowed ? "permit" : "deny", Join(r.reasons).c_str());
  }
  std::printf("result   %s\n", ex->event_allowed ? ex->form.c_str() : "dropped (event blocked)");
  return 0;
}

}  // namespace metagate::cli
