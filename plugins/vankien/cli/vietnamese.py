"""The command line in Vietnamese, click's own words included.

Click marks its strings for gettext but ships no catalogue, and a gettext catalogue would only
apply when the process runs under a Vietnamese locale (the CI and many editors' terminals do
not). So the translation lives in click's extension points instead, with no monkeypatching:

- `VietnameseContext.formatter_class` writes "Cách dùng:" instead of "Usage:";
- `VietnameseCommand` / `VietnameseGroup` (used through `context_settings`-free `cls=`) write the
  "Tùy chọn", "Đối số" and "Lệnh" sections, option extras (`mặc định`, `bắt buộc`), the help
  option's own text, Vietnamese metavars, and render every `click.ClickException` and `Abort`
  themselves in `main` (click runs in non-standalone mode underneath, so its English `show()`
  is never called);
- messages click builds inside its parser and types ("Missing argument", "No such option",
  "'x' is not one of ...") are translated by `vietnamese_message`, a table of click's message
  templates. A test walks every command's help and each kind of usage error and fails on
  English, so a click release that rewords a template is caught at once.
"""

from __future__ import annotations

import errno
import functools
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import click
from click.exceptions import NoArgsIsHelpError

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
VERSION_TEXT = "Hiện phiên bản rồi thoát."
VERSION_MESSAGE = "%(prog)s, phiên bản %(version)s"
OPTIONS_METAVAR = "[TÙY CHỌN]"
ERROR_PREFIX = "Lỗi: "
ABORTED = "Đã hủy."

# Metavars click derives from a parameter's type, in Vietnamese.
_TYPE_METAVARS = {
    "text": "CHỮ",
    "integer": "SỐ",
    "float": "SỐ",
    "file": "TỆP",
    "directory": "THƯ_MỤC",
    "path": "ĐƯỜNG_DẪN",
}

_KINDS = {"argument": "đối số", "option": "tùy chọn", "parameter": "tham số"}
_PATH_KINDS = {"file": "Tệp", "directory": "Thư mục", "path": "Đường dẫn"}

Translate = Callable[[re.Match[str]], str]


def _path_kind(match: re.Match[str]) -> str:
    return _PATH_KINDS.get(match["kind"].lower(), match["kind"])


# Click's message templates (click 8.x), most specific first; `{…}` values are kept as written.
_TEMPLATES: tuple[tuple[str, Translate], ...] = (
    (r"Invalid value for (?P<hint>.+?): ", lambda m: f"Giá trị không hợp lệ cho {m['hint']}: "),
    (r"Invalid value: ", lambda m: "Giá trị không hợp lệ: "),
    (
        r"Missing (?P<kind>argument|option|parameter)(?P<hint> .+?)?\.",
        lambda m: f"Thiếu {_KINDS[m['kind']]}{m['hint'] or ''}.",
    ),
    (r"Missing parameter: (?P<name>.+)", lambda m: f"Thiếu tham số: {m['name']}"),
    (r"Missing command\.", lambda m: "Thiếu lệnh."),
    (r"No such option:? (?P<name>'[^']*'|\S+?)\.?(?=$|\s)", lambda m: f"Không có tùy chọn {m['name']}."),
    (r"No such command:? (?P<name>'[^']*'|\S+?)\.?(?=$|\s)", lambda m: f"Không có lệnh {m['name']}."),
    (r"\(Did you mean one of: (?P<names>.+?)\?\)", lambda m: f"(Có phải ý bạn là một trong: {m['names']}?)"),
    (r"Did you mean (?P<name>.+?)\?", lambda m: f"Có phải ý bạn là {m['name']}?"),
    (
        r"Got unexpected extra arguments? \((?P<args>.*)\)",
        lambda m: f"Thừa đối số không dùng đến ({m['args']})",
    ),
    (r"Option (?P<name>'[^']*') does not take a value\.", lambda m: f"Tùy chọn {m['name']} không nhận giá trị."),
    (r"Option (?P<name>'[^']*') requires an argument\.", lambda m: f"Tùy chọn {m['name']} cần một giá trị."),
    (
        r"Option (?P<name>'[^']*') requires (?P<n>\d+) arguments\.",
        lambda m: f"Tùy chọn {m['name']} cần {m['n']} giá trị.",
    ),
    (r"Argument (?P<name>'[^']*') takes (?P<n>\d+) values\.", lambda m: f"Đối số {m['name']} nhận {m['n']} giá trị."),
    (r"(?P<value>'[^']*') is not one of (?P<choices>.+?)\.", lambda m: f"{m['value']} không phải một trong {m['choices']}."),
    (r"(?P<value>'[^']*') is not (?P<choice>'[^']*')\.", lambda m: f"{m['value']} không phải {m['choice']}."),
    (r"Choose from:", lambda m: "Chọn một trong:"),
    (r"(?P<value>'[^']*') is not a valid integer( range)?\.", lambda m: f"{m['value']} không phải số nguyên."),
    (r"(?P<value>'[^']*') is not a valid float( range)?\.", lambda m: f"{m['value']} không phải số."),
    (r"(?P<value>'[^']*') is not a valid boolean\. Recognized values: ", lambda m: f"{m['value']} không phải có/không. Các giá trị nhận: "),
    (r"(?P<value>\S+) is not in the range (?P<range>.+?)\.", lambda m: f"{m['value']} nằm ngoài khoảng {m['range']}."),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.*?') does not exist\.", lambda m: f"{_path_kind(m)} {m['name']} không tồn tại."),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.*?') is a file\.", lambda m: f"{_path_kind(m)} {m['name']} là một tệp, cần một thư mục."),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.*?') is a directory\.", lambda m: f"{_path_kind(m)} {m['name']} là một thư mục, cần một tệp."),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.*?') is not readable\.", lambda m: f"{_path_kind(m)} {m['name']} không đọc được."),
    (r"(?P<kind>File|Directory|Path) (?P<name>'.*?') is not writable\.", lambda m: f"{_path_kind(m)} {m['name']} không ghi được."),
    (r"Could not open file (?P<name>'.*?'): ", lambda m: f"Không mở được tệp {m['name']}: "),
    (r"unknown error", lambda m: "lỗi không rõ"),
    (r"Value must be an iterable\.", lambda m: "Giá trị phải là một danh sách."),
)  # fmt: skip
_COMPILED = tuple((re.compile(pattern), translate) for pattern, translate in _TEMPLATES)


def vietnamese_message(message: str) -> str:
    """A message click wrote in English, with every template it knows of in Vietnamese."""
    result = message
    for pattern, translate in _COMPILED:
        result = pattern.sub(translate, result)
    return result


class VietnameseFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Cách dùng: " if prefix is None else prefix)


class VietnameseContext(click.Context):
    formatter_class = VietnameseFormatter


def _help_extra(param: click.Option, ctx: click.Context) -> str:
    """What click adds in brackets after an option's help ("[default: text]"), in Vietnamese."""
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(f"biến môi trường: {', '.join(extra['envvars'])}")
    if "default" in extra:
        items.append(f"mặc định: {extra['default']}")
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append("bắt buộc")
    return f"[{'; '.join(items)}]" if items else ""


def _vietnamese_metavars(params: Sequence[click.Parameter]) -> None:
    for param in params:
        if param.metavar is not None or isinstance(param.type, click.Choice) or _is_flag(param):
            continue
        name = getattr(param.type, "name", "")
        if isinstance(name, str) and name.lower() in _TYPE_METAVARS:
            param.metavar = _TYPE_METAVARS[name.lower()]


def _is_flag(param: click.Parameter) -> bool:
    return isinstance(param, click.Option) and (param.is_flag or param.count)


class _Vietnamese:
    """What every command of `vankien` shares: Vietnamese help and Vietnamese errors."""

    def _format_sections(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        command = self._command
        arguments = [p for p in command.get_params(ctx) if isinstance(p, click.Argument)]
        if any(p.help is not None for p in arguments):
            with formatter.section("Đối số"):
                formatter.write_dl([p.get_help_record(ctx) for p in arguments])
        rows = []
        for param in command.get_params(ctx):
            if not isinstance(param, click.Option) or param.hidden:
                continue
            record = param.get_help_record(ctx)
            if record is None:
                continue
            extra = _help_extra(param, ctx)
            text = param.help or ""
            rows.append((record[0], f"{text}  {extra}" if text and extra else text or extra))
        if rows:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(rows)

    @property
    def _command(self) -> click.Command:
        assert isinstance(self, click.Command)
        return self

    def _vietnamese_help_option(self, option: click.Option | None) -> click.Option | None:
        if option is not None:
            option.help = HELP_TEXT
        return option

    # Shared by the command and the group classes (click.Group inherits these from click.Command).
    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return self._vietnamese_help_option(click.Command.get_help_option(self._command, ctx))

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Written with the options (`_format_sections`)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        run = functools.partial(
            click.Command.main, self._command, args, prog_name, complete_var, standalone_mode=False, **extra
        )
        return self._run(run) if standalone_mode else run()

    usage_exit_code: int | None = None
    """The exit code of a usage error, when not click's 2 (see `WritingCommand`)."""

    def _run(self, run: Callable[[], Any]) -> NoReturn:
        """Run click in non-standalone mode and say in Vietnamese what stopped it."""
        try:
            result = run()
        except click.exceptions.Abort:
            click.echo(ABORTED, err=True)
            sys.exit(1)
        except click.ClickException as exc:
            show_error(exc)
            # The command that was wrongly called decides (`vankien import` runs under the group).
            failed = exc.ctx.command if isinstance(exc, click.UsageError) and exc.ctx is not None else self
            usage_code = getattr(failed, "usage_exit_code", None)
            usage = isinstance(exc, click.UsageError) and isinstance(usage_code, int)
            sys.exit(usage_code if usage and isinstance(usage_code, int) else exc.exit_code)
        except OSError as exc:  # a closed pipe (`vankien check | head`) is not an error of ours
            if exc.errno != errno.EPIPE:
                raise
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def show_error(exc: click.ClickException) -> None:
    """Click's error report (usage, hint, "Error: ...") in Vietnamese, on standard error."""
    if isinstance(exc, NoArgsIsHelpError):
        click.echo(exc.ctx.get_help(), err=True)
        return
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        ctx = exc.ctx
        lines = [ctx.get_usage()]
        names = ctx.command.get_help_option_names(ctx)
        if ctx.command.get_help_option(ctx) is not None and names:
            lines.append(f"Xem '{ctx.command_path} {max(names, key=len)}' để biết cách dùng.")
        click.echo("\n".join(lines) + "\n", err=True)
    click.echo(ERROR_PREFIX + vietnamese_message(exc.format_message()), err=True)


class VietnameseCommand(_Vietnamese, click.Command):
    context_class: type[click.Context] = VietnameseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        _vietnamese_metavars(self.params)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._format_sections(ctx, formatter)


class WritingCommand(VietnameseCommand):
    """A command that writes into the archive (`import`, `new`): its exit code 2 means "written, but
    the editor must act", so a usage error (nothing written) exits 1 instead of click's 2."""

    usage_exit_code = 1


class VietnameseGroup(_Vietnamese, click.Group):
    context_class: type[click.Context] = VietnameseContext
    command_class = VietnameseCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI SỐ]...")
        super().__init__(*args, **kwargs)
        _vietnamese_metavars(self.params)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._format_sections(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Lệnh"):
                formatter.write_dl(rows)
