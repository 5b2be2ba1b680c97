"""A fake VNPay gateway on loopback, written from VNPay's published protocol (payment API 2.1.0).

A real HTTP server in a thread:
- GET  /paymentv2/vpcpay.html   the payment page: checks the signature of the redirect (its own HMAC code,
                                independent of the shop's) and shows the order, with buttons to pay or cancel;
- GET  /paymentv2/complete      what the buttons do: records the transaction, calls the shop's IPN, then sends
                                the browser to vnp_ReturnUrl with the signed result;
- POST /merchant_webapi/api/transaction   querydr and refund (JSON, signed with '|'-joined fields).
Tests also call result_params() directly to get the signed callback VNPay would send.
"""
from __future__ import annotations

import hashlib
import hmac
import html
import itertools
import json
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TMN_CODE = "OCOPQN01"
HASH_SECRET = "VNPAYTESTSECRETOCOPQUANGNINH2026"
GMT7 = timezone(timedelta(hours=7))


def hmac512(secret: str, data: str) -> str:
    return hmac.new(secret.encode("utf-8"), data.encode("utf-8"), hashlib.sha512).hexdigest()


def query_hash(params: dict, secret: str = HASH_SECRET) -> str:
    """VNPay's checksum of a redirect or callback: sorted vnp_ fields, each name=value url-encoded, joined by &."""
    fields = sorted((k, v) for k, v in params.items()
                    if k.startswith("vnp_") and k not in ("vnp_SecureHash", "vnp_SecureHashType") and v != "")
    data = "&".join(f"{urllib.parse.quote_plus(k)}={urllib.parse.quote_plus(str(v))}" for k, v in fields)
    return hmac512(secret, data)


REQUEST_FIELDS = {
    "querydr": ("vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate",
                "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"),
    "refund": ("vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef",
               "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate",
               "vnp_IpAddr", "vnp_OrderInfo"),
}
ANSWER_FIELDS = ("vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef",
                 "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
                 "vnp_TransactionStatus", "vnp_OrderInfo")
QUERY_EXTRA = ("vnp_PromotionCode", "vnp_PromotionAmount")


@dataclass
class Transaction:
    txn_ref: str
    amount: str  # × 100, as VNPay writes it
    create_date: str
    transaction_no: str
    status: str  # vnp_TransactionStatus: 00 paid, 02 failed; 05 refund being processed
    pay_date: str
    order_info: str


@dataclass
class FakeVnpay:
    url: str
    ipn_url: str | None = None
    pay_requests: list[dict] = field(default_factory=list)   # redirects whose signature was right
    bad_requests: list[dict] = field(default_factory=list)   # redirects whose signature was wrong
    api_calls: list[dict] = field(default_factory=list)
    transactions: dict[str, Transaction] = field(default_factory=dict)
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(14_000_001))

    @property
    def payment_url(self) -> str:
        return self.url + "/paymentv2/vpcpay.html"

    @property
    def api_url(self) -> str:
        return self.url + "/merchant_webapi/api/transaction"

    def result_params(self, pay: dict, response_code: str = "00", amount: str | None = None) -> dict:
        """The signed callback VNPay sends (IPN and return URL) for a redirect's parameters; records the transaction."""
        number = str(next(self._numbers))
        now = datetime.now(GMT7).strftime("%Y%m%d%H%M%S")
        status = "00" if response_code == "00" else "02"
        params = {"vnp_TmnCode": pay["vnp_TmnCode"], "vnp_Amount": amount or pay["vnp_Amount"],
                  "vnp_BankCode": "NCB", "vnp_BankTranNo": "VNP" + number, "vnp_CardType": "ATM",
                  "vnp_PayDate": now, "vnp_OrderInfo": pay["vnp_OrderInfo"], "vnp_TransactionNo": number,
                  "vnp_ResponseCode": response_code, "vnp_TransactionStatus": status, "vnp_TxnRef": pay["vnp_TxnRef"]}
        params["vnp_SecureHashType"] = "HmacSHA512"
        params["vnp_SecureHash"] = query_hash(params)
        self.transactions[pay["vnp_TxnRef"]] = Transaction(
            txn_ref=pay["vnp_TxnRef"], amount=pay["vnp_Amount"], create_date=pay["vnp_CreateDate"],
            transaction_no=number, status=status, pay_date=now, order_info=pay["vnp_OrderInfo"])
        return params

    # --- the merchant API ---

    def answer(self, body: dict) -> dict:
        self.api_calls.append(body)
        command = body.get("vnp_Command")
        fields = REQUEST_FIELDS.get(command)
        base = {"vnp_ResponseId": body.get("vnp_RequestId", ""), "vnp_Command": command or "",
                "vnp_TmnCode": TMN_CODE, "vnp_TxnRef": body.get("vnp_TxnRef", ""), "vnp_Amount": "",
                "vnp_BankCode": "", "vnp_PayDate": "", "vnp_TransactionNo": "", "vnp_TransactionType": "",
                "vnp_TransactionStatus": "", "vnp_OrderInfo": body.get("vnp_OrderInfo", "")}
        if fields is None:
            return self._signed({**base, "vnp_ResponseCode": "99", "vnp_Message": "Unknown command"}, command)
        expected = hmac512(HASH_SECRET, "|".join(str(body.get(name, "")) for name in fields))
        if not hmac.compare_digest(expected, str(body.get("vnp_SecureHash", ""))):
            return self._signed({**base, "vnp_ResponseCode": "97", "vnp_Message": "Invalid Checksum"}, command)
        found = self.transactions.get(body["vnp_TxnRef"])
        if found is None or found.create_date != body["vnp_TransactionDate"]:
            return self._signed({**base, "vnp_ResponseCode": "91", "vnp_Message": "Transaction not found"}, command)
        base.update({"vnp_Amount": found.amount, "vnp_BankCode": "NCB", "vnp_PayDate": found.pay_date,
                     "vnp_TransactionNo": found.transaction_no, "vnp_TransactionType": "01",
                     "vnp_TransactionStatus": found.status, "vnp_OrderInfo": found.order_info})
        if command == "refund":
            if found.status != "00":
                return self._signed({**base, "vnp_ResponseCode": "95", "vnp_Message": "Refund refused"}, command)
            if body["vnp_Amount"] != found.amount or body["vnp_TransactionNo"] != found.transaction_no:
                return self._signed({**base, "vnp_ResponseCode": "94", "vnp_Message": "Invalid refund"}, command)
            found.status = "05"
            base.update({"vnp_TransactionType": body["vnp_TransactionType"], "vnp_TransactionStatus": "05"})
        return self._signed({**base, "vnp_ResponseCode": "00", "vnp_Message": "Success"}, command)

    @staticmethod
    def _signed(answer: dict, command: str | None) -> dict:
        fields = ANSWER_FIELDS + (QUERY_EXTRA if command == "querydr" else ())
        for name in fields:
            answer.setdefault(name, "")
        answer["vnp_SecureHash"] = hmac512(HASH_SECRET, "|".join(str(answer[name]) for name in fields))
        return answer


def _handler(gateway: FakeVnpay):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            parsed = urllib.parse.urlsplit(self.path)
            params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
            if parsed.path == "/paymentv2/vpcpay.html":
                return self._payment_page(params)
            if parsed.path == "/paymentv2/complete":
                return self._complete(params)
            self._send(404, b"not found", "text/plain")

        def _payment_page(self, params: dict):
            ok = params.get("vnp_TmnCode") == TMN_CODE and \
                hmac.compare_digest(query_hash(params), params.get("vnp_SecureHash", ""))
            (gateway.pay_requests if ok else gateway.bad_requests).append(params)
            if not ok:
                body = "<!doctype html><title>VNPAY</title><h1>Sai chữ ký (code 70)</h1>"
                return self._send(200, body.encode(), "text/html; charset=utf-8")
            amount = int(params["vnp_Amount"]) // 100
            token = urllib.parse.quote(params["vnp_TxnRef"])
            body = (
                "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
                "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                "<title>VNPAY - Cổng thanh toán (fake)</title></head><body>"
                "<h1 id='vnpay-gateway'>Cổng thanh toán VNPAY</h1>"
                f"<p>Đơn hàng: <b id='txn'>{html.escape(params['vnp_TxnRef'])}</b></p>"
                f"<p>{html.escape(params['vnp_OrderInfo'])}</p>"
                f"<p>Số tiền: <b id='amount'>{amount:,} VND</b></p>"
                f"<p>Ngôn ngữ: <span id='locale'>{html.escape(params['vnp_Locale'])}</span></p>"
                f"<p><a id='pay' href='/paymentv2/complete?txn={token}&code=00'>Thanh toán</a> · "
                f"<a id='cancel' href='/paymentv2/complete?txn={token}&code=24'>Hủy</a></p>"
                "</body></html>")
            self._send(200, body.encode(), "text/html; charset=utf-8")

        def _complete(self, params: dict):
            pay = next((p for p in reversed(gateway.pay_requests) if p["vnp_TxnRef"] == params.get("txn")), None)
            if pay is None:
                return self._send(404, b"unknown transaction", "text/plain")
            result = gateway.result_params(pay, params.get("code", "00"))
            query = urllib.parse.urlencode(result)
            if gateway.ipn_url:
                with urllib.request.urlopen(f"{gateway.ipn_url}?{query}", timeout=20) as response:
                    response.read()
            self._send(302, b"", "text/plain", {"Location": f"{pay['vnp_ReturnUrl']}?{query}"})

        def do_POST(self):
            if urllib.parse.urlsplit(self.path).path != "/merchant_webapi/api/transaction":
                return self._send(404, b"not found", "text/plain")
            length = int(self.headers.get("Content-Length", "0"))
            try:
                body = json.loads(self.rfile.read(length))
            except ValueError:
                return self._send(400, b"{}", "application/json")
            self._send(200, json.dumps(gateway.answer(body)).encode(), "application/json")

    return Handler


class Server:
    """Starts and stops the gateway's HTTP server on 127.0.0.1 and a free port."""

    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), None)
        self.gateway = FakeVnpay(url=f"http://127.0.0.1:{self.httpd.server_address[1]}")
        self.httpd.RequestHandlerClass = _handler(self.gateway)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeVnpay:
        self.thread.start()
        return self.gateway

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)
