import Testing
@testable import Git

/// The tree paths git refuses to check out are refused; ordinary ones, dots inside names included, are not.
@Suite struct TreePathTests {
    @Test(arguments: ["../go.mod", "a/../../go.mod", "./go.mod", "a//go.mod", "/etc/go.mod", ".git/config", "a/.GIT/go.mod",
                      "a/.Git", "go.mod/", "", "a\\..\\go.mod", "a\u{0}b"])
    func refused(_ path: String) {
        #expect(TreePath.problem(path) != nil)
    }

    @Test(arguments: ["go.mod", "svc/go.mod", "..a/go.mod", "a../go.mod", ".github/workflows/ci.yml", ".gitignore", "x.git/go.mod", "...", "a/.../b"])
    func accepted(_ path: String) {
        #expect(TreePath.problem(path) == nil)
    }
}
