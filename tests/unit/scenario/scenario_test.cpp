// The scenario language: located errors, did-you-mean, extends, --set, and a resolved scenario
// that reads back to the same thing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "scenario/error.h"
#include "scenario/node.h"

using namespace tribune;
using namespace tribune::test;

namespace {
std::string first_error(const std::string& yaml, std::vector<std::string> overrides = {}) {
  try {
    make_scenario(yaml, std::move(overrides));
  } catch (const ScenarioError& e) {
    return e.diagnostics().front().str();
  }
  return "";
}
}  // namespace

TEST_CASE("scenario: an unknown key names its location, suggests the closest key and lists the valid ones") {
  const std::string msg = first_error(small_world() + "mechanisms:\n  opinion:\n    epsilom: 0.3\n");
  CHECK(msg.find("unit.yaml:8:5: mechanisms.opinion.epsilom: unknown key 'epsilom'") == 0);
  CHECK(msg.find("did you mean 'epsilon'?") != std::string::npos);
  CHECK(msg.find("valid keys here: enabled, initial_mean, initial_sd, epsilon, rate") != std::string::npos);
}

TEST_CASE("scenario: a bracketed index in --set is refused with the path syntax that works") {
  const std::string msg = first_error(small_world() + "offices:\n  - {name: council}\n", {"offices[0].seats=2"});
  INFO(msg);
  CHECK(msg.find("unknown key 'offices[0]'") != std::string::npos);
  CHECK(msg.find("'offices.0'") != std::string::npos);
}

TEST_CASE("scenario: --set addresses list entries by name, by index, and timeline events by kind or name") {
  const std::string yaml = small_world(1000, 10, one_org()) +
                           "offices:\n  - {name: council}\n  - {name: mayor, level: mayor, constituency: at_large}\n"
                           "unions:\n  - {name: teamsters, sectors: [trade_transport]}\n"
                           "timeline:\n  - {week: 3, kind: legitimacy_shift, delta: -0.1}\n"
                           "  - {week: 4, kind: scandal, name: the_scandal}\n"
                           "  - {week: 5, kind: scandal}\n";
  const Scenario s =
      make_scenario(yaml, {"organizations.left.endorsement_stringency=0.9", "organizations.0.platform=-0.4",
                           "offices.mayor.rule=irv", "offices.0.term_weeks=104", "unions.teamsters.leadership=left",
                           "timeline.legitimacy_shift.delta=-0.3", "timeline.the_scandal.hope_loss=0.05",
                           "timeline.2.legitimacy_loss=0.2", "organizations.left={members_per_resident: 0.02}"});
  CHECK(s.organizations.at(0).endorsement_stringency == 0.9);
  CHECK(s.organizations.at(0).platform == -0.4);
  CHECK(s.organizations.at(0).members_per_resident == 0.02);  // a mapping merges into the entry
  CHECK(s.organizations.at(0).name == "left");
  CHECK(s.offices.at(1).rule == Rule::irv);
  CHECK(s.offices.at(0).term_weeks == 104);
  CHECK(s.unions.at(0).leadership == Leadership::left);
  const auto& ev = s.mechanisms.timeline.events;
  REQUIRE(ev.size() == 3);
  CHECK(ev[1]->name == "the_scandal");
  CHECK(ev[1]->magnitude() == Approx(0.1));  // its legitimacy_loss stayed; hope_loss changed
  CHECK(ev[2]->magnitude() == Approx(0.2));
  CHECK(ev[0]->magnitude() == Approx(-0.3));
  // Errors name what exists, with a suggestion, located in the --set text.
  CHECK(first_error(yaml, {"organizations.lefty.platform=0"})
            .find("--set[1]:1:15: organizations.lefty.platform: 'organizations' has no entry named 'lefty' (did you "
                  "mean 'left'?); entries: left, or an index 0 to 0") == 0);
  CHECK(first_error(yaml, {"timeline.scandal.hope_loss=0"}).find("has 2 entries of kind 'scandal'") !=
        std::string::npos);
  CHECK(first_error(yaml, {"offices.7.rule=irv"}).find("'offices' has no entry named '7'") != std::string::npos);
  CHECK(first_error(yaml, {"offices.mayor.rulez=irv"}).find("unknown key 'rulez'") != std::string::npos);
  CHECK(first_error(yaml + "  - {week: 6, kind: scandal, name: the_scandal}\n")
            .find("duplicate event name 'the_scandal'") != std::string::npos);
}

TEST_CASE("scenario: a renamed key is an error that names the new one, in files and in --set") {
  const std::string file = first_error(small_world() + "mechanisms:\n  pressure:\n    pressure: 0.02\n");
  CHECK(file.find("unit.yaml:7:3: mechanisms.pressure: 'pressure' was renamed to 'institutional_pressure'") == 0);
  const std::string set = first_error(small_world(), {"mechanisms.institutional_pressure.pressure=0.02"});
  CHECK(set.find("mechanisms.institutional_pressure.pressure: 'pressure' was renamed to 'rate'") != std::string::npos);
  CHECK(make_scenario(small_world(), {"mechanisms.institutional_pressure.rate=0.02"})
            .mechanisms.institutional_pressure.rate == 0.02);
}

TEST_CASE("scenario: out-of-range values and wrong types are located") {
  CHECK(first_error(small_world() + "mechanisms: {opinion: {epsilon: 2.5}}\n").find("must be in [0, 2], got 2.5") !=
        std::string::npos);
  CHECK(first_error(small_world() + "mechanisms: {hope: {enabled: perhaps}}\n")
            .find("mechanisms.hope.enabled: expected true or false, got 'perhaps'") != std::string::npos);
  CHECK(first_error("name: x\nhorizon_weeks: 3\nworld: {districts: [{name: a}]}\n")
            .find("world.persons: missing required key") != std::string::npos);
}

TEST_CASE("scenario: every problem is reported, not only the first") {
  try {
    make_scenario(small_world() + "seed: -1\nreplicate: x\n");
    FAIL("no error");
  } catch (const ScenarioError& e) {
    CHECK(e.diagnostics().size() == 2);
  }
}

TEST_CASE("scenario: --set overrides are validated like the file") {
  CHECK(make_scenario(small_world(), {"mechanisms.opinion.epsilon=0.25"}).mechanisms.opinion.epsilon == 0.25);
  const std::string bad = first_error(small_world(), {"mechanisms.opinion.epsilonn=0.25"});
  CHECK(bad.find("--set[1]:1:20: mechanisms.opinion.epsilonn: unknown key") == 0);
  CHECK(first_error(small_world(), {"world.persons=lots"})
            .find("--set[1]:1:15: world.persons: expected a whole number") == 0);
}

TEST_CASE("scenario: a scenario extends another and overrides parts of it") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "tribune_extends_test";
  fs::create_directories(dir);
  std::ofstream(dir / "base.yaml") << small_world(3000, 20) << "mechanisms: {opinion: {epsilon: 0.3, rate: 0.2}}\n";
  std::ofstream(dir / "child.yaml") << "extends: base.yaml\nname: child\nmechanisms: {opinion: {epsilon: 0.7}}\n";
  Scenario s = load_scenario((dir / "child.yaml").string());
  CHECK(s.name == "child");
  CHECK(s.world.persons == 3000);
  CHECK(s.mechanisms.opinion.epsilon == 0.7);
  CHECK(s.mechanisms.opinion.rate == 0.2);
  std::ofstream(dir / "loop_a.yaml") << "extends: loop_b.yaml\n";
  std::ofstream(dir / "loop_b.yaml") << "extends: loop_a.yaml\n";
  CHECK_THROWS_WITH(load_scenario((dir / "loop_a.yaml").string()), Catch::Contains("`extends:` cycle"));
  fs::remove_all(dir);
}

TEST_CASE("scenario: the resolved scenario reads back to itself") {
  const std::string tl = "timeline:\n  - {week: 3, kind: economic_shock, magnitude: 0.2, classes: [worker]}\n";
  Scenario s = make_scenario(small_world(3000, 5, tl), {"mechanisms.hope.diffusion=0.2"});
  const std::string yaml = resolved_yaml(s);
  Scenario again = load_scenario_text(yaml, "resolved.yaml");
  CHECK(resolved_yaml(again) == yaml);
  CHECK(again.mechanisms.hope.diffusion == 0.2);
  REQUIRE(again.mechanisms.timeline.events.size() == 1);
  CHECK(again.mechanisms.timeline.events[0]->magnitude() == 0.2);
}

TEST_CASE("scenario: the schema and the reference list every parameter the reader accepts") {
  const std::string schema = scenario_json_schema(), ref = scenario_reference_markdown();
  for (const char* key : {"\"epsilon\"", "\"size_exponent\"", "\"chunk_size\"", "\"snapshot_every\"", "\"magnitude\""})
    CHECK(schema.find(key) != std::string::npos);
  CHECK(ref.find("`mechanisms.opinion.epsilon`") != std::string::npos);
  CHECK(ref.find("Axtell 2001") != std::string::npos);
}

TEST_CASE("scenario: limits: an alias bomb is refused at the node that passes the limit, without being built") {
  // Nine levels of nine aliases: 9^10 nodes in a few hundred bytes.
  std::string yaml = small_world() + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) yaml += (k ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  const std::string msg = first_error(yaml);
  INFO(msg);
  CHECK(msg.find("expands to more than 500000 YAML nodes") != std::string::npos);
  CHECK(msg.find("alias") != std::string::npos);
}

TEST_CASE("scenario: limits: nesting deeper than 64 levels is refused with its location") {
  const std::string msg = first_error(small_world() + "x: " + std::string(70, '[') + std::string(70, ']') + "\n");
  CHECK(msg.find("unit.yaml:") == 0);
  CHECK(msg.find("x[...]: nested more than 64 levels deep") != std::string::npos);
  // Past yaml-cpp's own guard the message is the same.
  CHECK(first_error(small_world() + "x: " + std::string(3000, '[') + std::string(3000, ']') + "\n")
            .find("nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("scenario: limits: a list longer than its maximum is refused before its entries are read") {
  std::string yaml = "name: unit\nhorizon_weeks: 1\nworld:\n  persons: 100000\n  districts:\n";
  for (int i = 0; i < 65536; ++i) yaml += "    - {name: d" + std::to_string(i) + "}\n";
  CHECK(first_error(yaml).find("world.districts: takes at most 65535 entries, got 65536") != std::string::npos);
}

TEST_CASE("scenario: limits: duplicate names in long lists are all found, each once") {
  // 40,000 districts, the second half repeating the first: linear with a hash set, and the
  // reader keeps the first 50 errors and counts the rest.
  std::string yaml = "name: unit\nhorizon_weeks: 1\nworld:\n  persons: 100000\n  districts:\n";
  for (int i = 0; i < 40000; ++i) yaml += "    - {name: d" + std::to_string(i % 20000) + "}\n";
  try {
    make_scenario(yaml);
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    CHECK(e.count() == 20000);
    CHECK(e.diagnostics().size() == 51);
    CHECK(e.diagnostics()[0].str().find("world.districts[20000].name: duplicate district name 'd0'") !=
          std::string::npos);
    CHECK(e.diagnostics().back().message == "and 19950 more errors, not shown");
  }
}

TEST_CASE("scenario: limits: a file over 16 MiB is refused before it is read") {
  const auto path = std::filesystem::temp_directory_path() / "tribune_big_scenario.yaml";
  {
    std::ofstream f(path);
    f << "name: big\n";
    const std::string comment = "#" + std::string(1 << 20, 'x') + "\n";
    for (int i = 0; i < 17; ++i) f << comment;
  }
  try {
    scenario::read_text_file(path.string(), "scenario file");
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    CHECK(e.diagnostics()[0].message.find("limited to 16 MiB") != std::string::npos);
  }
  std::filesystem::remove(path);
}
