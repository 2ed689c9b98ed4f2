"""The kernel through a real jupyter_client: what a student sees in JupyterLab, message by message."""
import base64
import json
import subprocess
import time

import pytest

from tests.conftest import ROOT, VENV
from tests.kernel.conftest import reply_to, run, stream_containing


def test_kernel_info_language(kernel):
    _, kc = kernel
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=10)
    info = reply["content"]["language_info"]
    assert info["name"] == "java"
    assert info["mimetype"] == "text/x-java"
    assert info["file_extension"] == ".java"
    assert info["codemirror_mode"] == "text/x-java"
    assert int(info["version"].split(".")[0]) >= 21


def test_declarations_carry_across_cells_and_redefine(kernel):
    _, kc = kernel
    assert run(kc, "int counter = 40;").status == "ok"
    assert run(kc, "int next(int v) { return v + 1; }").status == "ok"
    assert run(kc, "next(counter) + 1").result["text/plain"] == "42"
    assert run(kc, "int next(int v) { return v + 100; }").status == "ok"
    assert run(kc, "next(counter)").result["text/plain"] == "140"
    assert run(kc, "class Point { int x = 1; }").status == "ok"
    assert run(kc, "class Point { int x = 7; }").status == "ok"
    assert run(kc, "new Point().x").result["text/plain"] == "7"


def test_trailing_expression_is_the_result_and_semicolon_silences_it(kernel):
    _, kc = kernel
    shown = run(kc, 'String s = "race";\ns + "course"')
    assert shown.result["text/plain"] == '"racecourse"'
    assert run(kc, 's + "course";').result is None


def test_compile_error_points_at_the_column(kernel):
    _, kc = kernel
    r = run(kc, "int a = 1;\nint b = a + undefinedName;")
    assert r.status == "error"
    err = r.error
    assert err["ename"] == "CompileError"
    assert "cannot find symbol" in err["evalue"]
    tb = err["traceback"]
    header = next(i for i, line in enumerate(tb) if "error:" in line)
    assert tb[header].startswith("cell [") and "line 2" in tb[header]
    source, caret = tb[header + 1], tb[header + 2]
    assert caret.strip() == "^"
    assert caret.index("^") == source.index("undefinedName")
    assert not any("at jdk." in line or "racecourse.kernel" in line for line in tb)


def test_runtime_exception_traceback_names_cell_lines(kernel):
    _, kc = kernel
    run(kc, "int divide(int a, int b) {\n    return a / b;\n}")
    r = run(kc, "int z = 0;\ndivide(1, z)")
    err = r.error
    assert err["ename"] == "java.lang.ArithmeticException"
    assert err["evalue"] == "/ by zero"
    tb = "\n".join(err["traceback"])
    assert "divide (cell [" in tb and "line 2)" in tb
    assert "jdk.jshell" not in tb and "java.lang.reflect" not in tb and "racecourse.kernel" not in tb


def test_stdout_streams_while_the_cell_runs(kernel):
    _, kc = kernel
    code = 'for (int i = 0; i < 3; i++) { System.out.println("tick " + i); Thread.sleep(600); }'
    arrivals = []
    start = time.monotonic()

    def hook(msg):
        if msg["msg_type"] == "stream":
            arrivals.append((time.monotonic() - start, msg["content"]["text"]))

    reply = kc.execute_interactive(code, output_hook=hook, timeout=30)
    done = time.monotonic() - start
    assert reply["content"]["status"] == "ok"
    assert "".join(t for _, t in arrivals) == "tick 0\ntick 1\ntick 2\n"
    assert len(arrivals) >= 3, arrivals
    # The first line arrived while the cell still had well over a second to run.
    assert arrivals[0][0] < done - 1.0, (arrivals, done)


def test_stdin_asks_the_front_end(kernel):
    _, kc = kernel
    prompts = []

    def answer(msg):
        prompts.append(msg)
        kc.input("hello from the front end")

    r = run(kc, "new Scanner(System.in).nextLine()", allow_stdin=True, stdin_hook=answer)
    assert len(prompts) == 1
    assert r.result["text/plain"] == '"hello from the front end"'


def test_stdin_refused_when_front_end_has_none(kernel):
    _, kc = kernel
    r = run(kc, "new Scanner(System.in).nextLine()", allow_stdin=False)
    assert r.status == "error"
    assert "input" in r.error["evalue"] or "input" in "\n".join(r.error["traceback"])


def test_chart_renders_inline_as_png(kernel):
    _, kc = kernel
    code = (
        "var data = new org.jfree.data.category.DefaultCategoryDataset();\n"
        'data.addValue(3, "threads", "a"); data.addValue(5, "threads", "b");\n'
        'var chart = org.jfree.chart.ChartFactory.createBarChart("Work", "x", "y", data);\n'
        "display(chart);"
    )
    r = run(kc, code)
    assert r.status == "ok", r.error
    shown = r.of_type("display_data")
    assert len(shown) == 1
    png = base64.b64decode(shown[0]["content"]["data"]["image/png"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    svg = shown[0]["content"]["data"]["image/svg+xml"]
    assert svg.lstrip().startswith("<svg") and ">Work<" in svg
    assert r.result is None  # display(...) as the last line shows the chart once


def test_a_students_chartfactory_chart_gets_the_course_theme(kernel):
    """One look for every chart: a plain ChartFactory chart in a cell is white with the course's palette,
    not JFreeChart's grey default; the theme is JFreeChart's current one, so the student need do nothing."""
    _, kc = kernel
    code = (
        "var d = new org.jfree.data.category.DefaultCategoryDataset();\n"
        'd.addValue(3, "one", "a"); d.addValue(5, "two", "a");\n'
        'var c = org.jfree.chart.ChartFactory.createBarChart("Plain", "x", "y", d);\n'
        "var r = (org.jfree.chart.renderer.AbstractRenderer) c.getCategoryPlot().getRenderer();\n"
        'System.out.println(c.getPlot().getBackgroundPaint() + " " + r.lookupSeriesPaint(0).equals(Charts.color(0))'
        ' + " " + r.lookupSeriesPaint(1).equals(Charts.color(1)));'
    )
    r = run(kc, code)
    assert r.status == "ok", r.error
    assert r.stdout.strip() == "java.awt.Color[r=255,g=255,b=255] true true", r.stdout


def test_update_display_replaces_by_id(kernel):
    _, kc = kernel
    r = run(kc, 'var h = display("first");\nh.update("second");')
    first = r.of_type("display_data")[0]["content"]
    update = r.of_type("update_display_data")[0]["content"]
    display_id = first["transient"]["display_id"]
    assert update["transient"]["display_id"] == display_id
    assert update["data"]["text/plain"] == "second"


def test_html_and_markdown_bundles(kernel):
    _, kc = kernel
    assert run(kc, 'html("<i>x</i>")').result["text/html"] == "<i>x</i>"
    assert run(kc, 'markdown("**m**")').result["text/markdown"] == "**m**"


def test_output_of_a_background_thread_lands_in_its_own_cell(kernel):
    _, kc = kernel
    first = run(kc, 'var latch = new CountDownLatch(1);\n'
                    'new Thread(() -> { try { latch.await(); } catch (InterruptedException e) { }\n'
                    '  System.out.println("late line"); }).start();')
    assert first.status == "ok"
    # Release the thread from a later cell; its line must still carry the first cell as parent.
    kc.execute("latch.countDown(); Thread.sleep(300);")
    late = stream_containing(kc, "late line", timeout=15)
    assert late is not None
    assert late["parent_header"]["msg_id"] == first.msg_id


def test_javac_magic_compiles_a_package_and_recompiles(kernel):
    _, kc = kernel
    r = run(kc, "%%javac\npackage exercises;\npublic class Probe {\n  public int value() { return 1; }\n}")
    assert r.status == "ok", r.error
    assert "exercises.Probe" in r.stdout
    assert run(kc, "new Probe().value()").result["text/plain"] == "1"
    r = run(kc, "%%javac\npackage exercises;\npublic class Probe {\n  public int value() { return 2; }\n}")
    assert r.status == "ok", r.error
    assert "restarted" in r.stderr
    assert run(kc, "new exercises.Probe().value()").result["text/plain"] == "2"


def test_javac_magic_reports_errors_on_cell_lines(kernel):
    _, kc = kernel
    r = run(kc, "%%javac\npackage exercises;\npublic class Broken {\n  int f() { return missing; }\n}")
    assert r.status == "error"
    tb = r.error["traceback"]
    assert "line 4" in tb[0], tb
    assert tb[2].index("^") == tb[1].index("missing")


def test_classpath_and_load_magics(kernel, tmp_path):
    _, kc = kernel
    java_home = subprocess.run([str(ROOT / "bin" / "with-jdk")], capture_output=True, text=True,
                               timeout=30, check=True).stdout.strip()
    src = tmp_path / "src" / "lib" / "Greeter.java"
    src.parent.mkdir(parents=True)
    src.write_text('package lib; public class Greeter { public static String hi() { return "hi from a jar dir"; } }')
    classes = tmp_path / "classes"
    subprocess.run([f"{java_home}/bin/javac", "-d", str(classes), str(src)], check=True, timeout=60)
    assert run(kc, f"%classpath {classes}").status == "ok"
    assert run(kc, "lib.Greeter.hi()").result["text/plain"] == '"hi from a jar dir"'
    script = tmp_path / "setup.jsh"
    script.write_text("int loaded = 5;\nint twice(int v) { return 2 * v; }\n")
    assert run(kc, f"%load {script}").status == "ok"
    assert run(kc, "twice(loaded)").result["text/plain"] == "10"
    missing = run(kc, f"%load {tmp_path / 'nope.jsh'}")
    assert missing.status == "error" and "no such file" in missing.error["evalue"]


def test_time_magic_and_lsmagic(kernel):
    _, kc = kernel
    r = run(kc, "%%time\nThread.sleep(50);")
    assert r.status == "ok" and "Wall time:" in r.stdout
    listing = run(kc, "%lsmagic").stdout
    for name in ("%classpath", "%load", "%time", "%%time", "%%javac", "%lsmagic"):
        assert name in listing
    unknown = run(kc, "%nosuchmagic")
    assert unknown.status == "error" and unknown.error["ename"] == "UnknownMagic"


def inspect_text(kc, code):
    reply = reply_to(kc, kc.inspect(code, len(code)))
    assert reply["content"]["found"], code
    return reply["content"]["data"]["text/plain"]


def test_inspect_gives_signature_and_javadoc(kernel):
    _, kc = kernel
    text = inspect_text(kc, "Math.max(")
    assert "max(" in text
    assert "Returns the greater of two" in text  # the JDK's javadoc, from its src.zip


def test_inspect_shows_javadoc_of_the_course_api(kernel):
    _, kc = kernel
    run(kc, "var tl = new Timeline();")
    text = inspect_text(kc, "tl.record(")
    assert "record(String label, Runnable work)" in text
    assert "records it as a span named" in text
    assert "Shows {@code value} in the current cell" not in text
    assert "in the current cell" in inspect_text(kc, "display(")


def test_completion_offers_the_course_api_not_the_kernels_own_libraries(kernel):
    _, kc = kernel
    deadline = time.monotonic() + 30
    matches = []
    while not matches and time.monotonic() < deadline:  # JShell indexes the class path in the background
        reply = reply_to(kc, kc.complete("org.j", 5))
        matches = [m.rstrip(".") for m in reply["content"]["matches"]]
        time.sleep(0 if matches else 0.5)
    assert "jfree" in matches, matches  # JFreeChart: cells draw with it
    # The kernel's JVM also holds the autograder, Lincheck (org.jetbrains), JUnit (org.junit):
    # not what a cell compiles against.
    assert "jetbrains" not in matches and "junit" not in matches, matches


def test_interrupt_stops_a_tight_loop_and_the_kernel_stays(kernel):
    km, kc = kernel
    msg_id = kc.execute("long spins = 0; while (true) { spins++; }")
    time.sleep(1.0)
    km.interrupt_kernel()
    started = time.monotonic()
    reply = reply_to(kc, msg_id, timeout=10)
    assert time.monotonic() - started < 5
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert run(kc, "1 + 1").result["text/plain"] == "2"


def test_running_a_cell_again_uses_what_changed_since(kernel):
    """Re-running a cell reuses its compiled classes; a redefinition in between must still count."""
    _, kc = kernel
    run(kc, "int step() { return 1; }\nint total = 0;")
    assert run(kc, "total += step();").status == "ok"
    assert run(kc, "total += step();").status == "ok"
    assert run(kc, "total").result["text/plain"] == "2"
    run(kc, "int step() { return 10; }")
    run(kc, "total += step();")
    assert run(kc, "total").result["text/plain"] == "12"
    run(kc, "long total = 100;")  # a new variable: the old class must not update the old one
    run(kc, "total += step();")
    assert run(kc, "total").result["text/plain"] == "110"
    assert run(kc, "total * 2").result["text/plain"] == "220"
    run(kc, "total = 1;")
    assert run(kc, "total * 2").result["text/plain"] == "2"


def test_a_cell_run_again_reports_and_routes_as_itself(kernel):
    _, kc = kernel
    run(kc, 'String word = "7";')
    parse = "Integer.parseInt(word)"
    assert run(kc, parse).result["text/plain"] == "7"
    run(kc, 'word = "seven";')
    again = run(kc, parse)
    count = again.reply["content"]["execution_count"]
    assert again.error["ename"] == "java.lang.NumberFormatException"
    assert again.error["evalue"] == 'For input string: "seven"'
    assert f"at cell [{count}] line 1" in "\n".join(again.error["traceback"])
    printer = ('Thread t = new Thread(() -> System.out.println("from " + word));\n'
               't.start();\nt.join();')
    for _ in range(2):
        r = run(kc, printer)
        assert r.stdout == "from seven\n"  # the thread's line lands in this run's cell, not the first


def test_interrupt_stops_a_loop_run_again_from_its_compiled_class(kernel):
    km, kc = kernel
    run(kc, "long limit = 10;\nlong spins = 0;")
    loop = "for (long i = 0; i < limit; i++) { spins++; }"
    assert run(kc, loop).status == "ok"
    run(kc, "limit = Long.MAX_VALUE;")
    msg_id = kc.execute(loop)
    time.sleep(1.0)
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, timeout=10)
    assert reply["content"]["ename"] == "Interrupted"
    assert int(run(kc, "spins").result["text/plain"]) > 10


def test_system_exit_in_a_cell_run_again_keeps_the_session(kernel):
    _, kc = kernel
    run(kc, "boolean leave = false;\nint kept = 5;")
    stop = "if (leave) System.exit(3);"
    assert run(kc, stop).status == "ok"
    run(kc, "leave = true;")
    r = run(kc, stop)
    assert r.error["ename"] == "SystemExit"
    assert run(kc, "kept").result["text/plain"] == "5"


def kernel_argv(connection_file):
    spec = json.loads((VENV / "share" / "jupyter" / "kernels" / "racecourse" / "kernel.json").read_text())
    return [a.replace("{connection_file}", str(connection_file)) for a in spec["argv"]]


@pytest.mark.parametrize("content, expected", [
    (None, "does not exist"),
    ("", "is empty"),
    ("{not json", "not valid JSON"),
    ('{"ip": "127.0.0.1"}', "lacks"),
    ("[" * 10000, "not valid JSON"),
    ("x" * (1 << 20), "too large"),
])
def test_bad_connection_file_gives_one_clear_line(tmp_path, content, expected):
    path = tmp_path / "connection.json"
    if content is not None:
        path.write_text(content)
    proc = subprocess.run(kernel_argv(path), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("racecourse kernel:") and expected in lines[0]
