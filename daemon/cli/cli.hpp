#pragma once
// The command line: one binary, verbs. Output goes to stdout, logs and errors
// to stderr. Exit codes: 0 success, 1 failure (bad config, unusable store,
// not a feed), 2 wrong usage.
namespace feedsieve::cli {

int main(int argc, char** argv);

}  // namespace feedsieve::cli
