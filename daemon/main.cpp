#include "daemon/cli/cli.hpp"

int main(int argc, char** argv) { return feedsieve::cli::main(argc, argv); }
