// A Wadler-style document model and renderer with the exact semantics of the Rust `pretty`
// crate (0.12) that Cedar's formatter uses: groups are laid out flat when the group and what
// follows it up to the next possible line break fit in the width; a hard line break takes the
// indentation of the document that follows it.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace metagate::cedar::format_internal {

struct DocNode;
using Doc = std::shared_ptr<const DocNode>;

struct DocNode {
  enum Kind { kNil, kText, kAppend, kGroup, kNest, kHardline, kFlatAlt } kind = kNil;
  std::string text;  // kText
  size_t width = 0;  // kText: display width
  int offset = 0;    // kNest
  Doc a, b;          // kAppend(a, b), kGroup(a), kNest(a), kFlatAlt(break a, flat b)
};

Doc Nil();
Doc Text(std::string s);  // empty text is Nil
Doc Space();
Doc Hardline();
Doc Line();   // a space, or a line break
Doc Line_();  // nothing, or a line break
Doc Append(Doc a, Doc b);
Doc Group(Doc d);
Doc Nest(Doc d, int offset);
bool IsNil(const Doc& d);

// Renders `d` for line width `width`.
std::string Render(const Doc& d, int width);

}  // namespace metagate::cedar::format_internal
