// Every child process the tests start prints plain text, whatever the shell exported: with FORCE_COLOR set, Node
// warns that NO_COLOR (which the CLI tests set) is ignored, and Astro colours its log (as it also does when CI is set).
delete process.env.FORCE_COLOR;
