"""The digest email: building the message (pure) and sending it over SMTP (the one SMTP module).

``email_parts`` renders the email's own text and HTML (templates/email.txt.j2 and
email.html.j2; written beside the digest as ``email.txt``/``email.html``). ``build_message``
makes one ``multipart/alternative`` message with the standard library ``email`` package:
the text part, the HTML part (any ``<style>`` rules inlined by css-inline; the media
queries for dark mode and phones stay in the head), ``Date``, ``Message-ID``, ``List-Id``,
``List-Unsubscribe`` and one ``MIME-Version``. ``send`` speaks plain SMTP, STARTTLS or
SSL, with or without login; its errors name the server and the cause and never carry the
password.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from collections.abc import Sequence
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

import css_inline

from extractors.config import Config, EmailSettings
from extractors.errors import DeliveryError
from extractors.models import Digest
from extractors.render import human_day, render_email


def subject_for(title: str, topic: str, day: str, stories: int, prefix: str = "") -> str:
    """``[prefix] Title — Thu 3 Apr 2025 — 5 stories``. The topic is in the body, not here
    (``topic`` is kept for callers; the title already names the briefing)."""
    count = f"{stories} stor{'y' if stories == 1 else 'ies'}"
    head = f"{prefix.strip()} " if prefix.strip() else ""
    try:
        when = human_day(date.fromisoformat(day))
    except ValueError:
        when = day
    return f"{head}{title} — {when} — {count}"


def email_parts(digest: Digest, config: Config) -> tuple[str, str]:
    """The email's text and HTML for ``digest`` with this config's archive URL, sender and
    unsubscribe address."""
    return render_email(
        digest,
        public_url=config.briefing.public_url,
        unsubscribe=config.email.unsubscribe,
        sender=config.email.sender,
    )


def list_id_for(title: str, sender: str) -> str:
    """``List-Id``: the briefing's title and a stable id under the sender's domain (RFC 2919)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "briefing"
    name = re.sub(r'[\r\n"<>]', "", title).strip()
    return f'"{name}" <{slug}.{_domain(sender)}>' if name else f"<{slug}.{_domain(sender)}>"


def inline_css(html: str) -> str:
    """Move the template's <style> rules onto the elements; media queries (dark mode, phone
    padding) cannot be inlined and stay in a <style> block in the head."""
    return css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False).inline(html)


def build_message(
    *,
    subject: str,
    text: str,
    html: str,
    sender: str,
    recipients: Sequence[str],
    now: datetime,
    domain: str | None = None,
    to: str | Sequence[str] | None = None,
    list_id: str | None = None,
    unsubscribe: str | None = None,
) -> EmailMessage:
    """One message. ``to`` (one address, or a list) is the visible ``To``; without it every
    recipient is listed (callers sending one message per recipient pass ``to``; a Bcc
    sender passes its own address). ``list_id`` and ``unsubscribe`` (a ``mailto:`` or
    https URL) become ``List-Id`` and ``List-Unsubscribe``."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    visible = [to] if isinstance(to, str) else list(to) if to is not None else list(recipients)
    msg["To"] = ", ".join(visible)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(idstring="briefing", domain=domain or _domain(sender))
    msg["Auto-Submitted"] = "auto-generated"
    if list_id:
        msg["List-Id"] = list_id
    link = _unsubscribe_link(unsubscribe)
    if link:
        msg["List-Unsubscribe"] = f"<{link}>"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(inline_css(html), subtype="html", charset="utf-8")
    for part in msg.iter_parts():
        del part["MIME-Version"]  # one MIME-Version, on the message itself (RFC 2045)
    return msg


def _unsubscribe_link(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("mailto:") and "@" in value and not re.search(r"[\s<>]", value):
        return value
    if value.startswith("https://") and not re.search(r"[\s<>]", value):
        return value
    return None


def _domain(address: str) -> str:
    addr = parseaddr(address)[1] or address
    return addr.rsplit("@", 1)[-1].strip("> ").lower() if "@" in addr else "localhost"


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
