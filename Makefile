# Racecourse: two commands matter.
#   make lab    build everything, install the kernel into .venv and open JupyterLab on notebooks/
#   make test   run every test of the project (what CI runs)
# Options: make lab ARGS="--no-browser --port=8899"

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
MVN := bin/with-jdk mvn -B --no-transfer-progress -Dstyle.color=never
PYTEST_ARGS ?=
ARGS ?=

.PHONY: help build venv kernel lab site test test-java test-python bench clean

help:
	@echo "make lab    build, set up .venv, install the kernel, open JupyterLab on notebooks/ (ARGS=--no-browser for headless)"
	@echo "make test   run every test (Maven, then pytest through real Jupyter)"
	@echo "make build  build the jars only"
	@echo "make site   build the web edition into site/ (every notebook run by the kernel, statements as pages)"
	@echo "make bench  run the benchmarks whose figures the README quotes"

build:
	@$(MVN) -q package -DskipTests

venv:
	@bin/make-venv $(VENV)

KERNEL_DIR := $(VENV)/share/jupyter/kernels/racecourse

# Reinstalls only when the kernel's jars changed (builds are reproducible, so unchanged code gives
# identical jars): an install also trains the kernel's startup cache, which takes a few seconds.
kernel: build venv
	@same=yes; [ -f $(KERNEL_DIR)/kernel.json ] || same=no; \
	for j in cli/target/lib/*.jar cli/target/racecourse-cli.jar; do cmp -s "$$j" "$(KERNEL_DIR)/lib/$${j##*/}" || same=no; done; \
	[ "$$(( $$(ls cli/target/lib | wc -l) + 1 ))" = "$$(ls $(KERNEL_DIR)/lib 2>/dev/null | wc -l)" ] || same=no; \
	[ $$same = yes ] || bin/racecourse kernel install --prefix $(VENV)

# Jupyter refuses to run as root (containers, some lab machines): say so and allow it.
lab: kernel
	@root=; if [ "$$(id -u)" = 0 ]; then root=--allow-root; \
	    echo "racecourse: running as root, so JupyterLab is started with --allow-root"; fi; \
	echo "racecourse: starting JupyterLab on 127.0.0.1 with notebooks/ open (Ctrl-C twice to stop)"; \
	JUPYTER_PLATFORM_DIRS=1 $(VENV)/bin/jupyter lab --ip=127.0.0.1 $$root \
	    --ServerApp.root_dir=notebooks \
	    --MappingKernelManager.default_kernel_name=racecourse $(ARGS)

# The web edition: notebooks run through the kernel and exported with their outputs, statements as
# pages; opens from site/index.html with no server.
site: kernel
	@JUPYTER_PLATFORM_DIRS=1 JUPYTER_PATH=$(abspath $(VENV))/share/jupyter \
	    $(VENV)/bin/python bin/build-site --out site

test: test-java test-python

test-java:
	@$(MVN) verify

test-python: kernel
	@JUPYTER_PLATFORM_DIRS=1 JUPYTER_PATH=$(abspath $(VENV))/share/jupyter \
	    $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: kernel
	@$(VENV)/bin/python bench/kernel_latency.py

clean:
	@$(MVN) -q clean
	@rm -rf $(VENV)
