"""The one place a DomainError (or a bare error code) becomes a sentence in the reader's language.

The same code can read differently for different readers (a buyer, a producer, the OCOP office,
sales-point staff), and two domains can share a code (a cart's and an order's 'unavailable'), so
each audience has one table whose keys are 'domain.code' where the domain matters, else 'code'.
'domain.*' is a domain's fallback and '*' the audience's. Messages are lazy; params fill them.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from shop.domain import DomainError

PUBLIC = "public"
PRODUCER = "producer"
OFFICE = "office"
STAFF = "staff"

_CHANGED = _l("The order changed meanwhile; please look at it again.")
_TRY_AGAIN = _l("That did not work. Please check the form and try again.")

MESSAGES = {
    PUBLIC: {
        # cart
        # "unknown_item" and "unavailable" read the same and name nothing: ids are sequential, so a
        # message that named a draft or told a draft from a missing row would let anyone list them.
        "cart.unknown_item": _l("This item is not available."),
        "cart.unavailable": _l("This item is not available."),
        "cart.bad_quantity": _l("Choose a quantity from 1 to %(max)d."),
        "cart.out_of_stock": _l("“%(name)s” is out of stock."),
        "cart.capped": _l("Only %(quantity)d of “%(name)s” can be ordered now; your cart holds %(quantity)d."),
        "cart.not_in_cart": _l("This item is no longer in your cart."),
        "cart.*": _l("This item is not available."),
        # checkout and the buyer's order
        "order.empty_cart": _l("Your cart is empty."),
        "order.unknown_item": _l("Your cart holds a product that does not exist; please review your cart."),
        "order.unavailable": _l("No longer on sale: %(items)s. Please remove it from your cart."),
        "order.out_of_stock": _l("Not enough stock left for: %(items)s. Please review your cart."),
        "order.bad_quantity": _l("Choose a quantity from 1 to %(max)d."),
        "order.pickup_lacks": _l("This sales point does not have: %(items)s. Choose another point or delivery."),
        "order.bad_name": _l("Please enter your name."),
        "order.bad_phone": _l("Enter a phone number such as 0912 345 678 or +86 138 0013 8000."),
        "order.bad_email": _l("Enter an email address such as name@example.com."),
        "order.bad_address": _l("Please enter the province, commune and street for the delivery."),
        "order.bad_sales_point": _l("Choose a sales point."),
        "order.payment_unavailable": _l("This payment method is not available; please choose another."),
        "order.bad_invoice": _l("Please check the VAT invoice details."),
        "order.bad_form": _l("The form was incomplete. Please try again."),
        "order.try_again": _l("Your order could not be placed just now. Please try again."),
        "order.cannot_cancel": _l("This order can no longer be cancelled here; please contact the OCOP office."),
        "order.paid_refund_instead": _l("This order is paid; please contact the OCOP office for a refund."),
        "order.status_changed": _CHANGED,
        "order.bad_transition": _CHANGED,
        "order.*": _l("Your order could not be placed just now. Please try again."),
        # customer accounts. A taken address is said plainly: the account is signed in at once, so
        # the answer would show anyway; the rate limit keeps anyone from probing many addresses.
        # a VAT invoice request at checkout (shown by the field it is about)
        "invoice.invoice_incomplete": _l("For a VAT invoice, fill in the company, tax code, address and email."),
        "invoice.invoice_too_long": _l("This is too long."),
        "invoice.bad_tax_code": _l("Enter a tax code of 10 digits (a branch: 10 digits, a dash and 3 digits) or a "
                                   "12-digit personal identification number."),
        "invoice.bad_invoice_email": _l("Enter an email address such as name@example.com."),
        "account.email_taken": _l("This address already has an account. Sign in, or set a new password "
                                  "if you have forgotten it."),
        "account.invalid_email": _l("Enter an email address such as name@example.com."),
        "account.password_length": _l("Use at least %(min)d characters."),
        "account.unknown_locale": _l("Choose a language."),
        "account.token_expired": _l("This link has expired. Ask for a new one."),
        "account.token_used": _l("This link has already been used. Ask for a new one."),
        "account.token_invalid": _l("This link is not valid."),
        "account.*": _l("Enter an email address such as name@example.com."),
        "*": _TRY_AGAIN,
    },
    PRODUCER: {
        "missing_vietnamese_name": _l("The Vietnamese name is required: it is the source every language falls "
                                      "back to."),
        "name_required": _l("A language with a summary or a description also needs a name."),
        "unknown_group": _l("Choose a product group."),
        "price_out_of_range": _l("The price must be a whole number of đồng above zero."),
        "stock_out_of_range": _l("The stock must be zero or more."),
        "quantity_out_of_range": _l("The size must be a whole number above zero."),
        "unknown_container": _l("Choose a container."),
        "unknown_unit": _l("Choose a unit."),
        "too_many_photos": _l("This listing already has as many photos as it can hold."),
        "not_a_draft": _l("Only a draft can be sent for review."),
        "no_packaging": _l("Add at least one packaging with its price before sending the listing for review."),
        "no_photo": _l("Add at least one photo before sending the listing for review."),
        "too_large": _l("The file is too large: send a photo of at most %(mb)d MB."),
        "too_many_pixels": _l("The image has too many pixels: send one of at most %(mp)d megapixels."),
        "not_an_image": _l("This file is not a photo we can use: send a JPEG, PNG or WebP image."),
        "broken": _l("This image is damaged or incomplete: please export it again and send it."),
        "bad_line_status": _l("Choose what to mark the lines as."),
        "no_lines": _l("Choose at least one line."),
        "note_too_long": _l("The note is too long."),
        "order_not_open": _l("This order cannot be changed now: it is not paid yet, cancelled, or already on "
                             "its way."),
        "line_changed": _l("A line was already marked so, or changed meanwhile; please look at the order again."),
        "status_changed": _CHANGED,
        "bad_transition": _CHANGED,
        # the VAT invoice a producer records
        "invoice.no_invoice_request": _l("The buyer did not ask for a VAT invoice."),
        "invoice.not_invoiceable": _l("Record the invoice once the order is paid (not for a cancelled order)."),
        "invoice.bad_invoice_number": _l("Enter the invoice number as printed (letters, digits, / . _ -)."),
        "invoice.bad_invoice_date": _l("The invoice date must be between the order's date and today."),
        "*": _TRY_AGAIN,
    },
    OFFICE: {
        "reason_required": _l("Give a reason."),
        "reason_too_long": _l("The reason is too long."),
        "already_revoked": _l("This certificate is already revoked."),
        "duplicate_decision": _l("A certificate with this decision number is already recorded."),
        "empty_certificate": _l("List at least one product."),
        "award_line_format": _l("Write: product code, stars, score and, if needed, the kind."),
        "unknown_product": _l("No product has this code."),
        "duplicate_product": _l("This product is listed twice."),
        "stars_not_certified": _l("Only 3, 4 or 5 stars are certified."),
        "score_out_of_range": _l("The score must be from 0 to 100."),
        "unknown_award_kind": _l("The kind must be new, recertified or upgraded."),
        "missing_vietnamese_name": _l("The Vietnamese name is required."),
        "name_required": _l("A language with a summary or a story also needs a name."),
        "slug_taken": _l("Another producer already uses this address."),
        "unknown_type": _l("Choose a type."),
        "email_taken": _l("This email already has an account."),
        "invalid_email": _l("Enter an email address."),
        "unknown_producer": _l("No producer has this address (slug)."),
        "duplicate_producer": _l("This producer is listed twice."),
        "participant_line_format": _l("Write: producer address (slug), then the booth number."),
        "ends_before_start": _l("The last day comes before the first."),
        "unknown_kind": _l("Choose a kind."),
        # orders
        "order.bad_transition": _l("This change is not allowed from the order's current status."),
        "order.status_changed": _CHANGED,
        "order.paid_refund_instead": _l("This order is paid: refund it instead of cancelling it."),
        "order.not_refundable": _l("Only a paid order can be refunded."),
        "order.refund_failed": _l("The payment provider did not refund this payment; nothing was changed. "
                                  "Try again later."),
        "order.already_paid": _l("This payment is already recorded."),
        "order.not_payable": _l("This order cannot be paid any more."),
        "order.amount_mismatch": _l("The amount does not match the order."),
        "order.no_payment": _l("This order has no payment record."),
        "order.note_too_long": _l("The note is too long."),
        "*": _TRY_AGAIN,
    },
    STAFF: {
        "unknown_code": _l("No product has this code. Check the code printed under the QR code on the label."),
        "not_published": _l("This product is not published in the catalog, so a sales point cannot carry it yet."),
        "unknown_product": _l("This product is not published in the catalog, so a sales point cannot carry it "
                              "yet."),
        "already_carried": _l("Your sales point already carries this product."),
        "not_carried": _l("Your sales point does not carry this product."),
        "query_too_long": _l("Your search is too long: use at most %(max)d characters."),
        "*": _TRY_AGAIN,
    },
}


def message(error: DomainError | str, audience: str = PUBLIC, *, domain: str = "", **params) -> str:
    """The sentence for an error (or a bare code of the given domain) in the current language.

    List params (product names) are joined with commas.
    """
    if isinstance(error, DomainError):
        code, domain, params = error.code, error.domain, {**error.params, **params}
    else:
        code = error
    table = MESSAGES[audience]
    text = (table.get(f"{domain}.{code}") or table.get(code) or table.get(f"{domain}.*") or table["*"])
    params = {k: ", ".join(v) if isinstance(v, list) else v for k, v in params.items() if k != "lines"}
    return str(text) % params if params else str(text)
