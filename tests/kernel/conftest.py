import os
import time

import jupyter_client
import pytest


def start_kernel(env):
    """A Racecourse kernel started in `env`, and a blocking client (ready: kernel_info answered)."""
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return jupyter_client.manager.start_new_kernel(kernel_name="racecourse", startup_timeout=60)
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def kernel(kernel_env):
    """A running Racecourse kernel and a blocking client, shared by one test module."""
    km, kc = start_kernel(kernel_env)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def reply_to(kc, msg_id, timeout=30):
    """The shell reply to request `msg_id`, skipping others (e.g. a second kernel_info reply from start)."""
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply


class Run:
    """What one execute_request produced, in arrival order."""

    def __init__(self, reply, messages, msg_id):
        self.reply = reply
        self.messages = messages
        self.msg_id = msg_id

    @property
    def status(self):
        return self.reply["content"]["status"]

    def of_type(self, kind):
        return [m for m in self.messages if m["msg_type"] == kind]

    @property
    def stdout(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stdout")

    @property
    def stderr(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stderr")

    @property
    def result(self):
        results = self.of_type("execute_result")
        return results[0]["content"]["data"] if results else None

    @property
    def error(self):
        errors = self.of_type("error")
        return errors[0]["content"] if errors else None


def run(kc, code, timeout=30, allow_stdin=False, stdin_hook=None):
    messages = []

    def hook(msg):
        messages.append(msg)

    reply = kc.execute_interactive(code, output_hook=hook, timeout=timeout, allow_stdin=allow_stdin,
                                   stdin_hook=stdin_hook)
    return Run(reply, messages, reply["parent_header"]["msg_id"])


def stream_containing(kc, text, timeout):
    """The first IOPub stream message containing `text` within `timeout` s, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=5)
        if msg["msg_type"] == "stream" and text in msg["content"]["text"]:
            return msg
    return None
