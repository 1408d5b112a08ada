#include "scenario/schema.h"

#include <cmath>
#include <sstream>

#include "core/format.h"

namespace tribune::scenario {

void SchemaGen::leaf(const char* key, const char* type, const Meta& m, std::string def) {
  stack_.back().children.push_back(SchemaNode{key, type, m, std::move(def), {}, {}, {}});
}
void SchemaGen::pop() {
  SchemaNode n = std::move(stack_.back());
  stack_.pop_back();
  stack_.back().children.push_back(std::move(n));
}

void SchemaGen::num(const char* k, double& x, const Meta& m) {
  leaf(k, "number", m, format_number(x));
}
void SchemaGen::integer(const char* k, int64_t& x, const Meta& m) {
  leaf(k, "integer", m, std::to_string(x));
}
void SchemaGen::flag(const char* k, bool& x, const Meta& m) {
  leaf(k, "boolean", m, x ? "true" : "false");
}
void SchemaGen::text(const char* k, std::string& x, const Meta& m) {
  leaf(k, "string", m, x);
}
void SchemaGen::names(const char* k, std::vector<std::string>& x, const Meta& m) {
  std::string d = "[";
  for (size_t i = 0; i < x.size(); ++i) d += (i ? ", " : "") + x[i];
  leaf(k, "names", m, d + "]");
}

void SchemaGen::timeline(const char* k, Timeline&, const Meta& m) {
  SchemaNode t{k, "timeline", m, "[]", {}, {}, {}};
  for (const auto& kind : event_kinds()) {
    stack_.push_back(SchemaNode{kind.name, "object", Meta{.doc = kind.doc}, "", {}, {}, {}});
    auto ev = kind.make();
    FieldVisitorOf<SchemaGen> visitor(*this);
    ev->visit(visitor);
    t.variants.push_back(std::move(stack_.back()));
    stack_.pop_back();
  }
  stack_.back().children.push_back(std::move(t));
}

// ---- JSON Schema ---------------------------------------------------------------------------

static std::string q(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '\n') {
      o += "\\n";
      continue;
    }
    o += c;
  }
  return o + "\"";
}

static std::string describe(const SchemaNode& n) {
  std::string d = n.meta.doc;
  if (*n.meta.unit) d += " [" + std::string(n.meta.unit) + "]";
  if (*n.meta.source) d += " Source: " + std::string(n.meta.source) + ".";
  return d;
}

// `partial`: the schema of a file that `extends:` another, where a mapping's required keys may
// come from the parent (mappings merge); the entries of a list are whole (lists replace), so
// inside a list everything is required as usual.
static void json(std::ostringstream& o, const SchemaNode& n, int ind, bool partial);

static void json_object_body(std::ostringstream& o, const SchemaNode& n, int ind, const std::string& extra_prop,
                             bool partial, const std::string& extra_props = "") {
  std::string pad(ind + 2, ' ');
  o << pad << "\"type\": \"object\",\n" << pad << "\"additionalProperties\": false,\n";
  std::string req;
  for (const auto& c : n.children)
    if (c.meta.required && !partial) req += (req.empty() ? "" : ", ") + q(c.key);
  if (!extra_prop.empty()) req += (req.empty() ? "" : ", ") + q("kind");
  if (!req.empty()) o << pad << "\"required\": [" << req << "],\n";
  o << pad << "\"properties\": {\n";
  bool first = true;
  if (!extra_prop.empty()) {
    o << pad << "  \"kind\": {\"const\": " << q(extra_prop) << "}";
    first = false;
  }
  if (!extra_props.empty()) {
    o << (first ? "" : ",\n") << pad << "  " << extra_props;
    first = false;
  }
  for (const auto& c : n.children) {
    o << (first ? "" : ",\n") << pad << "  " << q(c.key) << ": ";
    json(o, c, ind + 4, partial);
    first = false;
  }
  o << "\n" << pad << "}";
}

static void json(std::ostringstream& o, const SchemaNode& n, int ind, bool partial) {
  std::string pad(ind + 2, ' ');
  o << "{\n";
  if (!describe(n).empty()) o << pad << "\"description\": " << q(describe(n)) << ",\n";
  if (n.type == "number" || n.type == "integer") {
    o << pad << "\"type\": \"" << n.type << "\"";
    if (std::isfinite(n.meta.min)) o << ",\n" << pad << "\"minimum\": " << format_number(n.meta.min);
    if (std::isfinite(n.meta.max)) o << ",\n" << pad << "\"maximum\": " << format_number(n.meta.max);
    // JSON has no NaN or infinity: a default that is none of a number (unset) is left out.
    const bool finite =
        n.default_text != "nan" && n.default_text != "-nan" && n.default_text != "inf" && n.default_text != "-inf";
    if (finite) o << ",\n" << pad << "\"default\": " << n.default_text;
  } else if (n.type == "boolean") {
    o << pad << "\"type\": \"boolean\",\n" << pad << "\"default\": " << n.default_text;
  } else if (n.type == "string") {
    o << pad << "\"type\": \"string\",\n" << pad << "\"default\": " << q(n.default_text);
  } else if (n.type == "enum") {
    o << pad << "\"enum\": [";
    for (size_t i = 0; i < n.options.size(); ++i) o << (i ? ", " : "") << q(n.options[i]);
    o << "],\n" << pad << "\"default\": " << q(n.default_text);
  } else if (n.type == "names") {
    // Any scalar, as the reader takes it (YAML writes `[2024]` or `[0.5]` unquoted).
    o << pad << "\"type\": \"array\",\n" << pad << "\"items\": {\"type\": [\"string\", \"number\", \"boolean\"]}";
  } else if (n.type == "object") {
    json_object_body(o, n, ind, "", partial);
  } else if (n.type == "list") {
    o << pad << "\"type\": \"array\",\n";
    if (std::isfinite(n.meta.min)) o << pad << "\"minItems\": " << format_number(n.meta.min) << ",\n";
    if (std::isfinite(n.meta.max)) o << pad << "\"maxItems\": " << format_number(n.meta.max) << ",\n";
    o << pad << "\"items\": {\n";
    json_object_body(o, n, ind + 2, "", false);
    o << "\n" << pad << "}";
  } else if (n.type == "timeline") {
    o << pad << "\"type\": \"array\",\n" << pad << "\"items\": {\"oneOf\": [\n";
    for (size_t i = 0; i < n.variants.size(); ++i) {
      const auto& v = n.variants[i];
      o << pad << "  {\n" << pad << "    \"description\": " << q(v.meta.doc) << ",\n";
      json_object_body(o, v, ind + 4, v.key, false);
      o << "\n" << pad << "  }" << (i + 1 < n.variants.size() ? "," : "") << "\n";
    }
    o << pad << "]}";
  }
  o << "\n" << std::string(ind, ' ') << "}";
}

std::string to_json_schema(const SchemaNode& root, const std::string& title, bool extends) {
  std::ostringstream o;
  o << "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
    << "  \"title\": " << q(title) << ",\n";
  if (!extends) {
    json_object_body(o, root, 0, "", false);
    o << "\n}\n";
    return o.str();
  }
  // A file that `extends:` another may leave out what its parent gives.
  const std::string ext =
      "\"extends\": {\"type\": \"string\", \"description\": \"a scenario file (relative to this one) that this "
      "one starts from: mappings merge key by key, lists and scalars replace\"}";
  o << "  \"if\": {\"required\": [\"extends\"]},\n"
    << "  \"then\": {\"$ref\": \"#/$defs/extending\"},\n"
    << "  \"else\": {\"$ref\": \"#/$defs/complete\"},\n"
    << "  \"$defs\": {\n    \"complete\": {\n";
  json_object_body(o, root, 4, "", false, ext);
  o << "\n    },\n    \"extending\": {\n";
  json_object_body(o, root, 4, "", true, ext);
  o << "\n    }\n  }\n}\n";
  return o.str();
}

// ---- Markdown reference ----------------------------------------------------------------------

static std::string cell(std::string s) {
  for (auto& c : s)
    if (c == '|') c = '/';
  return s;
}

static void md_section(std::ostringstream& o, const SchemaNode& n, const std::string& path, int depth);

static void md_table(std::ostringstream& o, const SchemaNode& n, const std::string& path) {
  bool any = false;
  for (const auto& c : n.children) {
    if (c.type == "object" || c.type == "list" || c.type == "timeline") continue;
    if (!any) {
      o << "| key | type | default | unit | range | meaning | source |\n|---|---|---|---|---|---|---|\n";
      any = true;
    }
    std::string type = c.type;
    std::string range = (c.type == "number" || c.type == "integer") ? format_range(c.meta.min, c.meta.max) : "";
    if (c.type == "enum") {
      range = "";
      for (size_t i = 0; i < c.options.size(); ++i) range += (i ? ", " : "") + std::string("`") + c.options[i] + "`";
    }
    std::string def = c.meta.required ? "**required**" : "`" + c.default_text + "`";
    o << "| `" << (path.empty() ? "" : path + ".") << c.key << "` | " << type << " | " << cell(def) << " | "
      << cell(c.meta.unit) << " | " << cell(range) << " | " << cell(c.meta.doc) << " | " << cell(c.meta.source)
      << " |\n";
  }
  if (any) o << "\n";
}

static void md_section(std::ostringstream& o, const SchemaNode& n, const std::string& path, int depth) {
  md_table(o, n, path);
  for (const auto& c : n.children) {
    std::string p = (path.empty() ? "" : path + ".") + c.key;
    std::string h(std::min(depth + 1, 6), '#');
    if (c.type == "object") {
      o << h << " `" << p << "`\n\n" << c.meta.doc << (c.meta.required ? " (required)" : "") << "\n\n";
      md_section(o, c, p, depth + 1);
    } else if (c.type == "list") {
      o << h << " `" << p << "[]`\n\n" << c.meta.doc << ".";
      if (!c.default_text.empty()) o << " Default:\n\n```yaml\n" << c.default_text << "```\n\n";
      o << "Each entry:\n\n";
      md_section(o, c, p + "[]", depth + 1);
    } else if (c.type == "timeline") {
      o << h << " `" << p << "[]`\n\n" << c.meta.doc << ". Each entry has a `kind`:\n\n";
      for (const auto& v : c.variants) {
        o << h << "# `kind: " << v.key << "`\n\n" << v.meta.doc << "\n\n";
        md_section(o, v, p + "[]", depth + 2);
      }
    }
  }
}

std::string to_markdown(const SchemaNode& root, const std::string& title) {
  std::ostringstream o;
  o << "# " << title << "\n\n"
    << "<!-- Generated by `tribune reference` from the params declarations; do not edit by hand.\n"
    << "     tests/integration/test_cli.py fails when this file is out of date. -->\n\n"
    << root.meta.doc << "\n\n";
  md_section(o, root, "", 1);
  return o.str();
}

}  // namespace tribune::scenario
