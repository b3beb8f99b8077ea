"""The ``rasd`` command: a thin click layer over the library.  Subcommands load lazily.

Exit codes: 0 success; 1 the input could not be processed (a one-line reason on stderr);
2 usage error; 3 a batch finished but some items failed and ``--strict`` was given;
4 a needed resource (store, model, index) is missing or broken.
"""

from __future__ import annotations

import importlib

import click

from rasd import __version__

EXIT_INPUT = 1
EXIT_PARTIAL = 3
EXIT_RESOURCE = 4

# name -> "module:attribute"; each module defines one click command (or group).
COMMANDS: dict[str, str] = {
    "extract": "rasd.cli.extract:extract",
    "batch": "rasd.cli.batch:batch",
    "ner": "rasd.cli.ner:ner",
    "eval": "rasd.cli.eval:eval_group",
    "import": "rasd.cli.batch:import_",
    "serve": "rasd.cli.serve:serve",
    "ingest": "rasd.cli.store_cmds:ingest",
    "reprocess": "rasd.cli.store_cmds:reprocess",
    "events": "rasd.cli.store_cmds:events",
    "search": "rasd.cli.store_cmds:search",
    "stats": "rasd.cli.store_cmds:stats",
    "export": "rasd.cli.store_cmds:export",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is used."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        mod, _, attr = target.partition(":")
        return getattr(importlib.import_module(mod), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasd")
def main() -> None:
    """rasd (رصد): read Arabic news, get structured, geocoded, source-attributed events.

    Every field points back to the characters of the article it came from.
    """


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """Print ``rasd: <message>`` on stderr and exit with ``code``."""
    click.echo(f"rasd: {message}", err=True)
    raise SystemExit(code)
