// Placeholder so that the library has a source until the PDP's first units land.
namespace metagate::pdp {}
