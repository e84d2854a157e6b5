// The walks over a parsed body: splitting it into owners (the envelope and each event) with
// their shape keys and leaves, describing one owner's leaves for its plan, and writing the body
// that may leave.
#pragma once

#include <simdjson.h>

#include <string>
#include <vector>

#include "pipeline_impl.h"

namespace metagate::egress {

// Splits the body into st.owners[0..st.owner_count) (owner 0 is the envelope) and plans each
// event as its walk completes. The shape key of an owner lists, in walk order, every key, the
// type of every leaf, the name of every OTLP attribute and the event name: two bodies whose
// owners have equal shape keys get the same plan. Fails on duplicate keys and deep nesting.
Status SplitBody(const PipelineImpl& pipeline, const IntegrationConfig& integration,
                 const PipelineImpl::VendorState& vendor, simdjson::dom::element root,
                 PipelineScratch::State& st);

// The plan-independent facts of an owner's leaves (pointer from the owner's root, logical
// field path and its segments, kind) and containers (all but `droppable`), in walk order.
// st.path must be the owner root's path.
void DescribeLeaves(const EnvelopeFormat& format, simdjson::dom::element body_root,
                    const Owner& owner, PipelineScratch::State& st, std::vector<LeafPlan>& leaves,
                    std::vector<std::vector<std::string>>& segments,
                    std::vector<ContainerPlan>& containers);

// Appends the body that may leave: blocked events and dropped leaves left out (in enforce
// mode), replacements written, containers emptied by drops removed.
// With `add_idempotency_keys` (enforce only), allowed events without the format's idempotency
// key get a random UUID there; returns how many did. With `raw_leaves`, events are selected by
// Owner::allowed but every leaf but the credential is written as it came (held events).
size_t EmitBody(const EnvelopeFormat& format, simdjson::dom::element root, bool enforce,
                bool add_idempotency_keys, PipelineScratch::State& st, std::string& out,
                bool raw_leaves = false);

}  // namespace metagate::egress
