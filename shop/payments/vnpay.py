"""VNPay (payment API 2.1.0): the buyer pays on VNPay's page; only the signed IPN changes the order.

The flow, as VNPay publishes it:
- the shop redirects the buyer to VNPAY_PAYMENT_URL with signed parameters (one vnp_TxnRef per attempt:
  the attempt is a Payment row, its TxnRef kept in payment.provider_ref);
- VNPay calls the IPN (GET /payments/vnpay/ipn, server to server) with the signed result and expects
  JSON {"RspCode", "Message"}; it repeats the call until it gets an answer it understands;
- VNPay sends the buyer back to the return URL with the same parameters; that page only shows them.
A failed attempt (vnp_ResponseCode other than 00) closes its Payment row and opens the next one with a
new TxnRef, so the order stays payable until its payment window ends.
Refunds go through the merchant API (querydr to find the transaction, then refund), JSON over HTTPS,
signed with HMAC-SHA512 over the values joined by '|' in the order VNPay lists.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from shop.orders.models import Order, OrderStatus
from shop.orders.rules import OrderError
from shop.orders.status import mark_paid
from shop.payments.base import Instructions, PaymentMethod, StartResult
from shop.payments.models import Payment, PaymentStatus

log = logging.getLogger(__name__)

SETTINGS = ("VNPAY_TMN_CODE", "VNPAY_HASH_SECRET", "VNPAY_PAYMENT_URL")
VERSION = "2.1.0"
ACTOR = "vnpay"
GMT7 = timezone(timedelta(hours=7))
DATE_FORMAT = "%Y%m%d%H%M%S"
# Category of goods sent as vnp_OrderType ('other' is accepted for any shop).
ORDER_TYPE = "other"

# The IPN answers VNPay expects (RspCode, Message).
CONFIRMED = ("00", "Confirm Success")
NOT_FOUND = ("01", "Order not found")
ALREADY = ("02", "Order already confirmed")
BAD_AMOUNT = ("04", "Invalid amount")
BAD_SIGNATURE = ("97", "Invalid signature")
UNKNOWN = ("99", "Unknown error")

# The fields signed in the merchant API's requests and answers, in VNPay's order.
QUERY_FIELDS = ("vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate",
                "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo")
QUERY_ANSWER_FIELDS = ("vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
                       "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
                       "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode",
                       "vnp_PromotionAmount")
REFUND_FIELDS = ("vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef",
                 "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate",
                 "vnp_IpAddr", "vnp_OrderInfo")
REFUND_ANSWER_FIELDS = QUERY_ANSWER_FIELDS[:13]


class VnpayError(Exception):
    """The merchant API refused a call, answered something unsigned, or could not be reached."""


# --- signing ---------------------------------------------------------------------------------

def hmac_sha512(secret: str, data: str) -> str:
    return hmac.new(secret.encode(), data.encode(), hashlib.sha512).hexdigest()


def signed_data(params: Mapping[str, str]) -> str:
    """The string VNPay signs: vnp_ parameters but the hash, non-empty, sorted by name, url-encoded (space as +)."""
    items = sorted((key, str(value)) for key, value in params.items()
                   if key.startswith("vnp_") and key not in ("vnp_SecureHash", "vnp_SecureHashType")
                   and str(value) != "")
    return urlencode(items)


def sign(params: Mapping[str, str], secret: str) -> str:
    return hmac_sha512(secret, signed_data(params))


def verify(params: Mapping[str, str], secret: str) -> bool:
    """Whether vnp_SecureHash signs exactly these parameters with our secret (constant-time comparison)."""
    received = str(params.get("vnp_SecureHash", "")).lower()
    return bool(received) and hmac.compare_digest(received, sign(params, secret))


def payment_url(base_url: str, params: Mapping[str, str], secret: str) -> str:
    return f"{base_url}?{signed_data(params)}&vnp_SecureHash={sign(params, secret)}"


def gmt7(moment: datetime) -> str:
    """yyyyMMddHHmmss in Vietnam's time (VNPay's clock); SQLite's naive datetimes are UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(GMT7).strftime(DATE_FORMAT)


def txn_ref(payment: Payment) -> str:
    """The attempt's unique reference: the order's payment reference and the attempt's id ('QN7K3M9Q-12')."""
    return f"{payment.reference}-{payment.id}"


def order_info(order: Order) -> str:
    # VNPay asks for plain ASCII here (no diacritics, no special characters).
    return f"Thanh toan don hang {order.code}"


def pay_params(order: Order, payment: Payment, *, config: Mapping, locale: str, ip: str, return_url: str) -> dict:
    """The parameters of the redirect to VNPay for this attempt (unsigned)."""
    created = payment.created_at
    expires = order.expires_at or (created + timedelta(minutes=int(config.get("ORDER_PAYMENT_MINUTES", 60))))
    return {
        "vnp_Version": VERSION, "vnp_Command": "pay", "vnp_TmnCode": config["VNPAY_TMN_CODE"],
        "vnp_Amount": str(payment.amount_vnd * 100), "vnp_CurrCode": "VND",
        "vnp_TxnRef": payment.provider_ref or txn_ref(payment), "vnp_OrderInfo": order_info(order),
        "vnp_OrderType": ORDER_TYPE, "vnp_Locale": "vn" if locale == "vi" else "en",
        "vnp_ReturnUrl": return_url, "vnp_IpAddr": ip or "127.0.0.1",
        "vnp_CreateDate": gmt7(created), "vnp_ExpireDate": gmt7(expires),
    }


def redirect_url(order: Order, payment: Payment, *, config: Mapping, locale: str, ip: str, return_url: str) -> str:
    """The signed address of VNPay's payment page for this attempt."""
    params = pay_params(order, payment, config=config, locale=locale, ip=ip, return_url=return_url)
    return payment_url(config["VNPAY_PAYMENT_URL"], params, config["VNPAY_HASH_SECRET"])


# --- the method --------------------------------------------------------------------------------

class Vnpay(PaymentMethod):
    code = "vnpay"
    label = _l("VNPay (domestic card, banking app, QR)")
    description = _l("Pay on VNPay's page with a Vietnamese bank card, your banking app or a VNPay QR code; "
                     "the order is confirmed as soon as VNPay reports the payment.")
    pay_before_fulfilment = True

    def is_configured(self, config) -> bool:
        return all(config.get(name) for name in SETTINGS)

    def start(self, session, order, payment, *, config, now, pay_url="") -> StartResult:
        if not payment.provider_ref:
            payment.provider_ref = txn_ref(payment)
            payment.updated_at = now
            session.flush()
        # The shop's own pay page builds the signed address: it knows the buyer's address and language.
        return StartResult(redirect_url=pay_url or None)

    def instructions(self, order, payment, *, config):
        if not self.is_configured(config):
            return Instructions("payments/vnpay_unavailable.html")
        return Instructions("payments/vnpay.html", {"amount_vnd": payment.amount_vnd})

    def refund_at_provider(self, payment, *, config) -> str:
        # shop.orders.status.refund has checked the shop's rules: this refund can be recorded.
        now = datetime.now(timezone.utc)
        try:
            transaction = query_transaction(payment, config=config, now=now)
            answer = refund_transaction(payment, transaction, config=config, now=now, created_by="office")
        except VnpayError as error:
            log.error("vnpay: refund of order %s failed: %s", payment.order.code, error)
            raise OrderError("refund_failed", order_code=payment.order.code) from error
        return f"VNPay {answer.get('vnp_TransactionNo', '')}".strip()


# --- IPN ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    """What a verified VNPay callback says about one attempt."""

    payment: Payment | None
    success: bool
    response_code: str
    transaction_no: str


def read_result(session, params: Mapping[str, str], *, config: Mapping) -> Result | None:
    """The callback's result if its signature is ours (None otherwise); payment None when the TxnRef is unknown."""
    if not verify(params, config["VNPAY_HASH_SECRET"]):
        return None
    reference = str(params.get("vnp_TxnRef", ""))
    payment = session.scalar(select(Payment).where(Payment.provider_ref == reference, Payment.method == Vnpay.code)) \
        if reference else None
    return Result(payment=payment,
                  success=params.get("vnp_ResponseCode") == "00" and params.get("vnp_TransactionStatus", "00") == "00",
                  response_code=str(params.get("vnp_ResponseCode", "")),
                  transaction_no=str(params.get("vnp_TransactionNo", "")))


def handle_ipn(session, params: Mapping[str, str], *, config: Mapping, now: datetime) -> tuple[str, str]:
    """Act once on VNPay's IPN and return its (RspCode, Message); the caller commits.

    Every change is a conditional UPDATE on the attempt's status, so a repeated or concurrent
    delivery finds the attempt settled and answers 02 without doing anything twice.
    """
    result = read_result(session, params, config=config)
    if result is None:
        log.warning("vnpay: IPN with an invalid signature (TxnRef %r)", params.get("vnp_TxnRef"))
        return BAD_SIGNATURE
    payment = result.payment
    if payment is None:
        log.warning("vnpay: IPN for unknown TxnRef %r", params.get("vnp_TxnRef"))
        return NOT_FOUND
    try:
        amount = int(str(params.get("vnp_Amount", "")))
    except ValueError:
        amount = -1
    if amount != payment.amount_vnd * 100:
        log.error("vnpay: IPN amount %s for TxnRef %s, expected %s", params.get("vnp_Amount"), payment.provider_ref,
                  payment.amount_vnd * 100)
        return BAD_AMOUNT
    if payment.status == PaymentStatus.CANCELLED and result.success:
        # Paid after the order was cancelled (its payment window ended): the goods are gone, the money goes back.
        _refund_late(session, payment, result, config=config, now=now)
        return ALREADY
    if payment.status != PaymentStatus.PENDING:
        return ALREADY
    if not result.success:
        return _failed(session, payment, result, now=now)
    try:
        mark_paid(session, payment, amount_vnd=amount // 100, actor=ACTOR, now=now,
                  provider_ref=payment.provider_ref, note=f"VNPay {result.transaction_no}")
    except OrderError as error:
        if error.code in ("already_paid", "status_changed"):
            return ALREADY
        if error.code == "not_payable":
            session.rollback()
            session.refresh(payment)
            _refund_late(session, payment, result, config=config, now=now)
            return ALREADY
        if error.code == "amount_mismatch":
            return BAD_AMOUNT
        raise
    return CONFIRMED


def _refund_late(session, payment: Payment, result: Result, *, config: Mapping, now: datetime) -> None:
    """Give back a payment that arrived for a cancelled order; the attempt is marked refunded once VNPay agreed."""
    try:
        refund_transaction(payment, {"vnp_TransactionNo": result.transaction_no}, config=config, now=now,
                           created_by="OCOP shop")
    except VnpayError as error:
        log.error("vnpay: order %s is %s but VNPay transaction %s was paid, and the automatic refund failed (%s): "
                  "refund it by hand", payment.order.code, payment.order.status, result.transaction_no, error)
        return
    session.execute(update(Payment).where(Payment.id == payment.id, Payment.status == PaymentStatus.CANCELLED)
                    .values(status=PaymentStatus.REFUNDED, refunded_at=now, updated_at=now)
                    .execution_options(synchronize_session=False))
    log.warning("vnpay: order %s is %s; refunded VNPay transaction %s automatically", payment.order.code,
                payment.order.status, result.transaction_no)


def _failed(session, payment: Payment, result: Result, *, now: datetime) -> tuple[str, str]:
    """Close the failed attempt and open the next one (a new TxnRef), so that the buyer can pay again."""
    closed = session.execute(update(Payment).where(Payment.id == payment.id, Payment.status == PaymentStatus.PENDING)
                             .values(status=PaymentStatus.FAILED, updated_at=now)
                             .execution_options(synchronize_session=False))
    if closed.rowcount != 1:
        return ALREADY
    order = payment.order
    # The closed Payment row is the record (the order's history lists status changes, and this is none).
    if order.status == OrderStatus.PENDING_PAYMENT:
        attempt = Payment(order_id=order.id, method=payment.method, amount_vnd=payment.amount_vnd,
                          reference=payment.reference, created_at=now, updated_at=now)
        session.add(attempt)
        session.flush()
        attempt.provider_ref = txn_ref(attempt)
    session.flush()
    log.info("vnpay: payment failed for order %s (code %s, TxnRef %s)", order.code, result.response_code,
             payment.provider_ref)
    return CONFIRMED


# --- merchant API (querydr, refund) --------------------------------------------------------------

def _call(config: Mapping, body: dict, answer_fields: tuple[str, ...]) -> dict:
    request = urllib.request.Request(config["VNPAY_API_URL"], data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            answer = json.loads(response.read())
    except (OSError, ValueError) as error:
        raise VnpayError(f"{body['vnp_Command']}: {error}") from error
    data = "|".join(str(answer.get(name, "")) for name in answer_fields)
    if not hmac.compare_digest(str(answer.get("vnp_SecureHash", "")).lower(),
                               hmac_sha512(config["VNPAY_HASH_SECRET"], data)):
        raise VnpayError(f"{body['vnp_Command']}: the answer's signature is not VNPay's")
    if answer.get("vnp_ResponseCode") != "00":
        raise VnpayError(f"{body['vnp_Command']}: code {answer.get('vnp_ResponseCode')} {answer.get('vnp_Message')}")
    return answer


def _request(command: str, payment: Payment, *, config: Mapping, now: datetime) -> dict:
    return {"vnp_RequestId": secrets.token_hex(16), "vnp_Version": VERSION, "vnp_Command": command,
            "vnp_TmnCode": config["VNPAY_TMN_CODE"], "vnp_TxnRef": payment.provider_ref,
            # The attempt's vnp_CreateDate, which VNPay keeps as the transaction's date.
            "vnp_TransactionDate": gmt7(payment.created_at), "vnp_CreateDate": gmt7(now),
            "vnp_IpAddr": config.get("VNPAY_SERVER_IP") or "127.0.0.1"}


def query_transaction(payment: Payment, *, config: Mapping, now: datetime) -> dict:
    """VNPay's record of the attempt (querydr); raises VnpayError unless it was paid in full."""
    body = _request("querydr", payment, config=config, now=now)
    body["vnp_OrderInfo"] = f"Truy van giao dich {payment.provider_ref}"
    body["vnp_SecureHash"] = hmac_sha512(config["VNPAY_HASH_SECRET"], "|".join(body[k] for k in QUERY_FIELDS))
    answer = _call(config, body, QUERY_ANSWER_FIELDS)
    if answer.get("vnp_TransactionStatus") != "00" or str(answer.get("vnp_Amount")) != str(payment.amount_vnd * 100):
        raise VnpayError(f"querydr: transaction {payment.provider_ref} is not paid in full "
                         f"(status {answer.get('vnp_TransactionStatus')}, amount {answer.get('vnp_Amount')})")
    return answer


def refund_transaction(payment: Payment, transaction: Mapping, *, config: Mapping, now: datetime,
                       created_by: str) -> dict:
    """Ask VNPay to give the whole amount back (vnp_TransactionType 02)."""
    body = _request("refund", payment, config=config, now=now)
    body.update({"vnp_TransactionType": "02", "vnp_Amount": str(payment.amount_vnd * 100),
                 "vnp_TransactionNo": str(transaction.get("vnp_TransactionNo", "")),
                 "vnp_CreateBy": (created_by or "office")[:250],
                 "vnp_OrderInfo": f"Hoan tien don hang {payment.order.code}"})
    body["vnp_SecureHash"] = hmac_sha512(config["VNPAY_HASH_SECRET"], "|".join(body[k] for k in REFUND_FIELDS))
    return _call(config, body, REFUND_ANSWER_FIELDS)
