# Racecourse: two commands matter.
#   make lab    build everything, install the kernel into .venv and open JupyterLab on notebooks/
#   make test   run every test of the project (what CI runs)
# Options: make lab ARGS="--no-browser --port=8899"

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
MVN := bin/with-jdk mvn -B --no-transfer-progress
PYTEST_ARGS ?=
ARGS ?=

.PHONY: help build venv kernel lab test test-java test-python bench clean

help:
	@echo "make lab    build, set up .venv, install the kernel, open JupyterLab on notebooks/ (ARGS=--no-browser for headless)"
	@echo "make test   run every test (Maven, then pytest through real Jupyter)"
	@echo "make build  build the jars only"
	@echo "make bench  run the benchmarks whose figures the README quotes"

build:
	@$(MVN) -q package -DskipTests

venv:
	@bin/make-venv $(VENV)

kernel: build venv
	@bin/racecourse kernel install --prefix $(VENV)

lab: kernel
	@echo "racecourse: starting JupyterLab on 127.0.0.1 with notebooks/ open (Ctrl-C twice to stop)"
	@JUPYTER_PLATFORM_DIRS=1 $(VENV)/bin/jupyter lab --ip=127.0.0.1 \
	    --ServerApp.root_dir=notebooks \
	    --MappingKernelManager.default_kernel_name=racecourse $(ARGS)

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
