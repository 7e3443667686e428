"""The digest email: building the message (pure) and sending it over SMTP (the one SMTP module).

``build_message`` makes a ``multipart/alternative`` message with the standard library
``email`` package: text from the Markdown digest, HTML from the template with its CSS
inlined (css-inline) so mail clients that drop ``<style>`` still render it, plus
``Date`` and ``Message-ID``. ``send`` speaks plain SMTP, STARTTLS or SSL, with or
without login; its errors name the server and the cause and never carry the password.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import css_inline

from extractors.config import EmailSettings
from extractors.errors import DeliveryError


def subject_for(title: str, topic: str, day: str, stories: int, prefix: str = "") -> str:
    count = f"{stories} stor{'y' if stories == 1 else 'ies'}"
    head = f"{prefix.strip()} " if prefix.strip() else ""
    name = title if topic.lower() in title.lower() else f"{title} · {topic}"
    return f"{head}{name} — {day} — {count}"


def inline_css(html: str) -> str:
    """Move the template's <style> rules onto the elements (and drop the <style> block)."""
    return css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False).inline(html)


def build_message(
    *,
    subject: str,
    text: str,
    html: str,
    sender: str,
    recipients: Sequence[str],
    now: datetime,
    domain: str | None = None,
) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(idstring="briefing", domain=domain or _domain(sender))
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(inline_css(html), subtype="html", charset="utf-8")
    return msg


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip("> ") if "@" in address else "localhost"


def send(
    msg: EmailMessage, settings: EmailSettings, password: str | None, recipients: Sequence[str]
) -> tuple[str, dict[str, str]]:
    """Send one message; return its Message-ID and the recipients the server refused."""
    where = f"SMTP server {settings.host}:{settings.port} ({settings.security})"
    try:
        context = ssl.create_default_context(cafile=settings.ca_file)
        smtp: smtplib.SMTP
        if settings.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with smtp:
            smtp.ehlo()
            if settings.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if settings.username:
                if password is None:
                    block = settings.password_block
                    raise DeliveryError(
                        f"{where}: a username is set but no password was found (set the "
                        f"environment variable {settings.password_env or '…'}"
                        + (f" or the Secret block {block!r})" if block else ")")
                    )
                if not (settings.username.isascii() and password.isascii()):
                    # smtplib would fail encoding them, with the password in the error
                    raise DeliveryError(
                        f"{where}: the username or password is not ASCII, which SMTP "
                        "login cannot send"
                    )
                smtp.login(settings.username, password)
            refused = smtp.send_message(msg, to_addrs=list(recipients))
    except DeliveryError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(
            f"{where}: login refused ({exc.smtp_code} {_text(exc.smtp_error)[:80]}) for "
            f"{settings.username!r}: check the username/password"
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(
            f"{where}: every recipient was refused: {', '.join(sorted(exc.recipients))}"
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(
            f"{where}: server answered {exc.smtp_code} {_text(exc.smtp_error)}"
        ) from None
    except (ConnectionRefusedError, TimeoutError, OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"{where}: {_cause(exc)}") from None
    except UnicodeEncodeError:
        # smtplib encodes the login as ASCII; the message of this error holds the password
        raise DeliveryError(
            f"{where}: the username or password is not ASCII, which SMTP login cannot send"
        ) from None
    except Exception as exc:  # never echo an unknown error's text: it may hold the password
        raise DeliveryError(f"{where}: {type(exc).__name__}") from None
    return str(msg["Message-ID"]), {r: f"{c} {_text(m)}" for r, (c, m) in refused.items()}


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _cause(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"server disconnected ({exc})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc})"
    return f"{type(exc).__name__}: {exc}"
