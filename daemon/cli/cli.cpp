#include "daemon/cli/cli.hpp"

#include <iostream>

#include "daemon/cli/verbs.hpp"
#include "daemon/store/store.hpp"
#include "feeds/version.hpp"

namespace feedsieve::cli {

CLI::Option* add_config_option(CLI::App& verb, std::optional<std::filesystem::path>& path) {
  return verb.add_option("-c,--config", path,
                         "Config file (default: $FEEDSIEVE_CONFIG, /etc/feedsieve/feedsieve.toml, "
                         "./config/feedsieve.toml)");
}

int with_config(std::string_view verb, const std::optional<std::filesystem::path>& path,
                const std::function<int(const Config&)>& body) {
  try {
    return body(load_config(find_config(path)));
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
  } catch (const StoreError& e) {
    std::cerr << "feedsieve " << verb << ": " << e.what() << "\n";
  }
  return exit_failure;
}

namespace {

void add_help(CLI::App& app) {
  CLI::App* help = app.add_subcommand("help", "Show the help of feedsieve or of one verb");
  auto verb = std::make_shared<std::string>();
  help->add_option("verb", *verb, "The verb to explain");
  help->callback([&app, verb] {
    if (verb->empty()) {
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return;
    }
    const CLI::App* sub = nullptr;
    try {
      sub = app.get_subcommand(*verb);
    } catch (const CLI::OptionNotFound&) {
    }
    if (sub == nullptr || sub->get_name() == "help") throw CLI::ValidationError("help", "unknown verb '" + *verb + "'");
    std::cout << sub->help(app.get_name());
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "feedsieve polls news feeds, keeps the stories about one topic, merges every copy of a story into one, "
      "and stores the result in SQLite.",
      "feedsieve"};
  app.set_version_flag("--version", std::string("feedsieve ") + version);
  app.require_subcommand(1);
  app.footer("Run 'feedsieve VERB --help' for the options of a verb.");
  int exit_code = exit_ok;
  add_run(app, exit_code);
  add_check_config(app, exit_code);
  add_query(app, exit_code);
  add_parse(app, exit_code);
  add_explain(app, exit_code);
  add_rescore(app, exit_code);
  add_extract(app, exit_code);
  add_discover(app, exit_code);
  add_status(app, exit_code);
  add_feeds(app, exit_code);
  add_prune(app, exit_code);
  add_help(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;
  }
  return exit_code;
}

}  // namespace feedsieve::cli
