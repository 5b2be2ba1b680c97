"""Default texts of the content pages in vi, en and zh, loaded by the demo; the office edits them after."""
from __future__ import annotations

PAGES: dict[str, dict[str, dict[str, str]]] = {
    "about-ocop": {
        "vi": {"title": "Về OCOP", "body": """\
**OCOP — Mỗi xã một sản phẩm** là chương trình quốc gia giúp mỗi địa phương phát triển những sản phẩm đặc trưng của mình. Quảng Ninh là nơi khởi đầu chương trình từ năm 2013; năm 2018 Chính phủ đưa OCOP thành chương trình quốc gia (Quyết định 490/QĐ-TTg).

Mỗi sản phẩm được hội đồng đánh giá, chấm điểm trên thang 100 (A: sản phẩm và sức mạnh cộng đồng 40 điểm, B: khả năng tiếp thị 25 điểm, C: chất lượng 35 điểm) và xếp hạng sao.

### Các hạng sao nghĩa là gì

- **5 sao** (90–100 điểm): sản phẩm cấp quốc gia, có thể xuất khẩu; do Hội đồng Trung ương công nhận.
- **4 sao** (70–89 điểm): chất lượng tốt, có thể vươn ra thị trường trong nước rộng hơn; do tỉnh công nhận.
- **3 sao** (50–69 điểm): sản phẩm đặc trưng, bán ổn định; do tỉnh công nhận.
- 1 và 2 sao: sản phẩm còn đang hoàn thiện, **không** được cấp giấy chứng nhận.

### Giấy chứng nhận và tem

Giấy chứng nhận có hiệu lực **36 tháng** kể từ ngày quyết định. Chỉ sản phẩm có giấy chứng nhận còn hiệu lực mới được in biểu trưng OCOP và số sao. Trên mỗi trang sản phẩm, bạn thấy số quyết định và ngày hết hạn; quét mã QR trên nhãn hoặc nhập mã tại trang **Kiểm tra chứng nhận** để biết nhãn có thật hay không.
"""},
        "en": {"title": "About OCOP", "body": """\
**OCOP — One Commune One Product** is Vietnam's programme for local specialities. It began in Quảng Ninh in 2013, and in 2018 the government made it a national programme (Decision 490/QĐ-TTg).

A council scores each product out of 100 (A: the product and the community behind it, 40 points; B: marketing, 25 points; C: quality, 35 points) and gives it a star rating.

### What the stars mean

- **5 stars** (90–100 points): national level, ready for export; recognised by the central council.
- **4 stars** (70–89 points): good quality, ready for wider markets; recognised by the province.
- **3 stars** (50–69 points): a distinctive product with stable sales; recognised by the province.
- 1 and 2 stars: products still taking shape; they get **no** certificate.

### Certificates and labels

A certificate is valid for **36 months** from the date of the decision. Only a product with a valid certificate may carry the OCOP mark and its stars. Each product page shows the decision number and the date it runs out; scan the QR code on a label, or type its code on the **Certificate check** page, to see whether the label is genuine.
"""},
        "zh": {"title": "关于OCOP", "body": """\
**OCOP——“一乡一品”**是越南扶持地方特色产品的国家计划。该计划2013年始于广宁省，2018年由政府定为国家计划（第490/QĐ-TTg号决定）。

评审委员会按百分制为每件产品打分（A：产品与社区实力40分；B：营销能力25分；C：质量35分），并评定星级。

### 星级的含义

- **5星**（90–100分）：国家级产品，具备出口能力；由中央委员会认定。
- **4星**（70–89分）：质量良好，可进入更广阔的市场；由省级认定。
- **3星**（50–69分）：具有地方特色、销售稳定的产品；由省级认定。
- 1星和2星：仍在完善中的产品，**不**颁发证书。

### 证书与标签

证书自决定之日起有效期为**36个月**。只有持有效证书的产品才可使用OCOP标志和星级。每个产品页面都显示决定编号和有效期；扫描标签上的二维码，或在**证书查询**页面输入编码，即可确认标签是否真实。
"""},
    },
    "shipping-returns": {
        "vi": {"title": "Giao hàng và đổi trả", "body": """\
### Giao hàng

- Mỗi đơn được chia theo từng chủ thể OCOP; mỗi cơ sở tự đóng gói và gửi phần hàng của mình.
- Phí giao hàng tính theo vùng: trong tỉnh Quảng Ninh, các tỉnh phía Bắc, và các tỉnh khác. Đơn từ 500.000 ₫ được miễn phí giao hàng.
- Thời gian giao thường là 1–2 ngày trong tỉnh và 3–5 ngày đến các tỉnh khác.
- Bạn cũng có thể chọn **nhận tại điểm bán OCOP** và trả tiền khi nhận.

### Đổi trả

- Nếu hàng bị vỡ, hỏng hoặc không đúng đơn, hãy báo cho chúng tôi trong vòng **3 ngày** kể từ khi nhận, kèm ảnh gói hàng và mã đơn.
- Thực phẩm đã mở không được đổi trả, trừ khi có lỗi chất lượng.
- Khi đổi trả được chấp nhận, chúng tôi gửi hàng thay thế hoặc hoàn tiền theo phương thức bạn đã thanh toán trong vòng 7 ngày làm việc.
"""},
        "en": {"title": "Shipping and returns", "body": """\
### Shipping

- Each order is split by producer; every producer packs and sends its own part.
- The delivery fee depends on the zone: Quảng Ninh province, the northern provinces, or elsewhere. Orders of 500,000 ₫ or more ship free.
- Delivery usually takes 1–2 days within the province and 3–5 days to other provinces.
- You can also choose **pickup at an OCOP sales point** and pay when you collect.

### Returns

- If something arrives broken, spoiled or wrong, tell us within **3 days** of receiving it, with a photo of the parcel and your order code.
- Opened food cannot be returned unless it has a quality fault.
- When a return is accepted we send a replacement or refund you, by the way you paid, within 7 working days.
"""},
        "zh": {"title": "配送与退换", "body": """\
### 配送

- 每个订单按生产者拆分，由各生产者自行包装并寄出自己的部分。
- 运费按区域计算：广宁省内、北部各省及其他省份。订单满500,000越南盾免运费。
- 省内通常1–2天送达，其他省份3–5天。
- 您也可以选择**在OCOP销售点自提**，取货时付款。

### 退换

- 如商品破损、变质或与订单不符，请在收货后**3天内**联系我们，并附上包裹照片和订单号。
- 已开封的食品不予退换，质量问题除外。
- 退换申请通过后，我们将在7个工作日内补发商品，或按原支付方式退款。
"""},
    },
    "privacy": {
        "vi": {"title": "Quyền riêng tư", "body": """\
Chúng tôi chỉ thu thập những thông tin cần để giao đơn hàng của bạn: họ tên, số điện thoại, email và địa chỉ giao hàng.

- Thông tin đơn hàng chỉ được chia sẻ với chủ thể OCOP bán sản phẩm cho bạn và đơn vị giao hàng.
- Thanh toán thẻ do Stripe xử lý; chúng tôi không lưu số thẻ.
- Trang web dùng cookie để ghi nhớ ngôn ngữ, giỏ hàng và phiên đăng nhập; không dùng cookie quảng cáo.
- Dữ liệu đơn hàng được lưu theo quy định về kế toán và thuế; bạn có thể yêu cầu xem, sửa hoặc xoá thông tin cá nhân không còn cần lưu bằng cách liên hệ văn phòng OCOP.

Chính sách này tuân theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.
"""},
        "en": {"title": "Privacy", "body": """\
We collect only what we need to deliver your order: your name, phone number, email and delivery address.

- Order details are shared only with the OCOP producers who sell you the products and with the delivery service.
- Card payments are handled by Stripe; we never store card numbers.
- The site uses cookies to remember your language, your cart and your sign-in; no advertising cookies.
- Order records are kept as accounting and tax rules require; you may ask to see, correct or delete personal data we no longer need by contacting the OCOP office.

This policy follows Decree 13/2023/NĐ-CP on personal data protection.
"""},
        "zh": {"title": "隐私政策", "body": """\
我们只收集配送订单所需的信息：姓名、电话、电子邮箱和收货地址。

- 订单信息仅与向您出售产品的OCOP生产者及快递公司共享。
- 银行卡支付由Stripe处理，我们不保存卡号。
- 本网站使用Cookie记住您的语言、购物车和登录状态，不使用广告Cookie。
- 订单记录按会计和税务规定保存；您可以联系OCOP办公室，要求查看、更正或删除不再需要保存的个人信息。

本政策依据关于个人数据保护的第13/2023/NĐ-CP号议定。
"""},
    },
    "terms": {
        "vi": {"title": "Điều khoản", "body": """\
- Trang này do văn phòng OCOP tỉnh Quảng Ninh vận hành để giới thiệu và bán các sản phẩm OCOP của tỉnh. Mỗi sản phẩm do chủ thể OCOP ghi trên trang sản phẩm bán và chịu trách nhiệm về chất lượng.
- Giá niêm yết bằng đồng Việt Nam (₫) và đã gồm thuế. Giá quy đổi sang USD hay CNY chỉ để tham khảo; bạn luôn trả bằng đồng.
- Đơn hàng được xác nhận khi chủ thể OCOP nhận đơn. Nếu sản phẩm hết hàng sau khi bạn đặt, chúng tôi báo và hoàn tiền phần đó.
- Đơn chuyển khoản chưa thanh toán trong thời hạn ghi trên đơn sẽ tự huỷ.
- Hạng sao và hiệu lực giấy chứng nhận được hiển thị theo quyết định của cơ quan có thẩm quyền; khi giấy chứng nhận hết hạn hoặc bị thu hồi, sản phẩm không còn hiển thị biểu trưng OCOP.
"""},
        "en": {"title": "Terms", "body": """\
- This site is run by the OCOP office of Quảng Ninh province to present and sell the province's OCOP products. Each product is sold by the producer named on its page, who answers for its quality.
- Prices are in Vietnamese đồng (₫), taxes included. Amounts in USD or CNY are approximate and for guidance only; you always pay in đồng.
- An order is confirmed once the producer accepts it. If a product runs out after you ordered, we tell you and refund that part.
- A bank-transfer order that is not paid within the time shown on it is cancelled.
- Stars and certificate validity are shown as decided by the competent authority; when a certificate expires or is revoked, the product no longer shows the OCOP mark.
"""},
        "zh": {"title": "使用条款", "body": """\
- 本网站由广宁省OCOP办公室运营，用于展示和销售本省的OCOP产品。每件产品由其页面上注明的生产者销售，并由其对质量负责。
- 价格以越南盾（₫）标示，含税。美元或人民币金额仅为约数，供参考；实际一律以越南盾支付。
- 生产者接单后订单即告确认。如下单后产品售罄，我们会通知您并退还该部分款项。
- 银行转账订单如未在订单所示时限内付款，将自动取消。
- 星级和证书有效期依主管机关的决定显示；证书过期或被撤销后，产品不再显示OCOP标志。
"""},
    },
}


def load_pages(session) -> int:
    """Write every default page that is not there yet; returns how many were added."""
    from shop.pages.services import get_page, save_page
    added = 0
    for slug, texts in PAGES.items():
        if get_page(session, slug) is None:
            save_page(session, slug, texts)
            added += 1
    return added
