"""Jupyter's own kernel conformance suite (jupyter_kernel_test) against the installed kernel."""
import os
import unittest

import jupyter_kernel_test as jkt

from tests.conftest import VENV

os.environ.setdefault("JUPYTER_PATH", str(VENV / "share" / "jupyter"))


class RacecourseConformance(jkt.KernelTests):
    kernel_name = "racecourse"
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "Strin", "matches": {"String", "StringBuffer", "StringBuilder", "StringIndexOutOfBoundsException",
                                      "StringBufferInputStream", "StringReader", "StringWriter", "StringJoiner",
                                      "StringTokenizer"}},
    ]
    complete_code_samples = ["int x = 1;", 'System.out.println("hi");', "1 + 1", "%lsmagic", "%%javac\nclass A {"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f(int a) {\n  return a;", "String s = \"a\" +"]
    invalid_code_samples = ["}", "int x = ;"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"race" + "course"', "result": '"racecourse"'},
        {"code": "java.util.List.of(1, 2)", "result": "[1, 2]"},
    ]
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(markdown("# title"));', "mime": "text/markdown"},
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]

    code_inspect_sample = "Math.max"
    code_clear_output = 'System.out.println("gone"); clearOutput(false);'

    # Java has no pager convention (IPython's `?`): documentation is given by inspect_request.
    test_pager = None


if __name__ == "__main__":
    unittest.main()
