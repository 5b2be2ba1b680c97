"""Default texts of the content pages in vi, en, zh and ko, loaded by the demo; the office edits them after."""
from __future__ import annotations

PAGES: dict[str, dict[str, dict[str, str]]] = {
    "about-ocop": {
        "vi": {"title": "Về OCOP", "body": """\
**OCOP — Mỗi xã một sản phẩm** là chương trình quốc gia giúp mỗi địa phương phát triển những sản phẩm đặc trưng của mình. Quảng Ninh là nơi khởi đầu chương trình từ năm 2013; năm 2018 Chính phủ đưa OCOP thành chương trình quốc gia (Quyết định 490/QĐ-TTg).

Mỗi sản phẩm được hội đồng đánh giá, chấm điểm trên thang 100 (A: sản phẩm và sức mạnh cộng đồng 40 điểm, B: khả năng tiếp thị 25 điểm, C: chất lượng 35 điểm) và xếp hạng sao.

## Các hạng sao nghĩa là gì

- **5 sao** (90–100 điểm): sản phẩm cấp quốc gia, có thể xuất khẩu; do Hội đồng Trung ương công nhận.
- **4 sao** (70–89 điểm): chất lượng tốt, có thể vươn ra thị trường trong nước rộng hơn; do tỉnh công nhận.
- **3 sao** (50–69 điểm): sản phẩm đặc trưng, bán ổn định; do tỉnh công nhận.
- 1 và 2 sao: sản phẩm còn đang hoàn thiện, **không** được cấp giấy chứng nhận.

## Giấy chứng nhận và tem

Giấy chứng nhận có hiệu lực **36 tháng** kể từ ngày quyết định. Chỉ sản phẩm có giấy chứng nhận còn hiệu lực mới được in biểu trưng OCOP và số sao. Trên mỗi trang sản phẩm, bạn thấy số quyết định và ngày hết hạn; quét mã QR trên nhãn hoặc nhập mã tại trang **Kiểm tra chứng nhận** để biết nhãn có thật hay không.
"""},
        "en": {"title": "About OCOP", "body": """\
**OCOP — One Commune One Product** is Vietnam's programme for local specialities. It began in Quang Ninh in 2013, and in 2018 the government made it a national programme (Decision 490/QĐ-TTg).

A council scores each product out of 100 (A: the product and the community behind it, 40 points; B: marketing, 25 points; C: quality, 35 points) and gives it a star rating.

## What the stars mean

- **5 stars** (90–100 points): national level, ready for export; recognised by the central council.
- **4 stars** (70–89 points): good quality, ready for wider markets; recognised by the province.
- **3 stars** (50–69 points): a distinctive product with stable sales; recognised by the province.
- 1 and 2 stars: products still taking shape; they get **no** certificate.

## Certificates and labels

A certificate is valid for **36 months** from the date of the decision. Only a product with a valid certificate may carry the OCOP mark and its stars. Each product page shows the decision number and the date it runs out; scan the QR code on a label, or type its code on the **Certificate check** page, to see whether the label is genuine.
"""},
        "zh": {"title": "关于 OCOP", "body": """\
**OCOP——“一乡一品”**是越南扶持地方特色产品的国家计划。该计划2013年始于广宁省，2018年由政府定为国家计划（第490/QĐ-TTg 号决定）。

评审委员会按百分制为每件产品打分（A：产品与社区实力40分；B：营销能力25分；C：质量35分），并评定星级。

## 星级的含义

- **5星**（90–100分）：国家级产品，具备出口能力；由中央委员会认定。
- **4星**（70–89分）：质量良好，可进入更广阔的市场；由省级认定。
- **3星**（50–69分）：具有地方特色、销售稳定的产品；由省级认定。
- 1星和2星：仍在完善中的产品，**不**颁发证书。

## 证书与标签

证书自决定之日起有效期为**36个月**。只有持有效证书的产品才可使用 OCOP 标志和星级。每个产品页面都显示决定编号和有效期；扫描标签上的二维码，或在**证书查询**页面输入编码，即可确认标签是否真实。
"""},
        "ko": {"title": "OCOP 소개", "body": """\
**OCOP — 1사 1품(One Commune One Product)**은 지역 특산품을 키우는 베트남의 국가 프로그램입니다. 2013년 꽝닌성에서 시작되었고, 2018년 정부가 국가 프로그램으로 정했습니다(결정 490/QĐ-TTg).

심사위원회는 각 제품을 100점 만점으로 평가하고(A: 제품과 지역 공동체의 역량 40점, B: 마케팅 역량 25점, C: 품질 35점) 별 등급을 매깁니다.

## 별 등급의 의미

- **5성**(90–100점): 국가 수준, 수출 가능한 제품. 중앙 위원회가 인정합니다.
- **4성**(70–89점): 품질이 좋아 더 넓은 시장에 나갈 수 있는 제품. 성(省)이 인정합니다.
- **3성**(50–69점): 지역 특색이 있고 판매가 안정된 제품. 성이 인정합니다.
- 1성과 2성: 아직 다듬는 중인 제품으로, 인증서를 받지 **않습니다**.

## 인증서와 라벨

인증서는 결정일로부터 **36개월** 동안 유효합니다. 유효한 인증서가 있는 제품만 OCOP 마크와 별 등급을 표시할 수 있습니다. 각 제품 페이지에는 결정 번호와 만료일이 나오며, 라벨의 QR 코드를 스캔하거나 **인증서 확인** 페이지에 코드를 입력하면 라벨이 진품인지 알 수 있습니다.
"""},
    },
    "shipping-returns": {
        "vi": {"title": "Giao hàng và đổi trả", "body": """\
## Giao hàng

- Mỗi đơn được chia theo từng chủ thể OCOP; mỗi cơ sở tự đóng gói và gửi phần hàng của mình.
- Phí giao hàng tính theo vùng: trong tỉnh Quảng Ninh, các tỉnh phía Bắc, và các tỉnh khác. Đơn từ 500.000 ₫ được miễn phí giao hàng.
- Thời gian giao thường là 1–2 ngày trong tỉnh và 3–5 ngày đến các tỉnh khác.
- Bạn cũng có thể chọn **nhận tại điểm bán OCOP** và trả tiền khi nhận.

## Đổi trả

- Nếu hàng bị vỡ, hỏng hoặc không đúng đơn, hãy báo cho chúng tôi trong vòng **3 ngày** kể từ khi nhận, kèm ảnh gói hàng và mã đơn.
- Thực phẩm đã mở không được đổi trả, trừ khi có lỗi chất lượng.
- Khi đổi trả được chấp nhận, chúng tôi gửi hàng thay thế hoặc hoàn tiền theo phương thức bạn đã thanh toán trong vòng 7 ngày làm việc.
"""},
        "en": {"title": "Shipping and returns", "body": """\
## Shipping

- Each order is split by producer; every producer packs and sends its own part.
- The delivery fee depends on the zone: Quang Ninh province, the northern provinces, or elsewhere. Orders of 500,000 ₫ or more ship free.
- Delivery usually takes 1–2 days within the province and 3–5 days to other provinces.
- You can also choose **pickup at an OCOP sales point** and pay when you collect.

## Returns

- If something arrives broken, spoiled or wrong, tell us within **3 days** of receiving it, with a photo of the parcel and your order code.
- Opened food cannot be returned unless it has a quality fault.
- When a return is accepted we send a replacement or refund you, by the way you paid, within 7 working days.
"""},
        "zh": {"title": "配送与退换", "body": """\
## 配送

- 每个订单按生产者拆分，由各生产者自行包装并寄出自己的部分。
- 运费按区域计算：广宁省内、北部各省及其他省份。订单满500,000越南盾免运费。
- 省内通常1–2天送达，其他省份3–5天。
- 您也可以选择**在 OCOP 销售点自提**，取货时付款。

## 退换

- 如商品破损、变质或与订单不符，请在收货后**3天内**联系我们，并附上包裹照片和订单号。
- 已开封的食品不予退换，质量问题除外。
- 退换申请通过后，我们将在7个工作日内补发商品，或按原支付方式退款。
"""},
        "ko": {"title": "배송 및 반품", "body": """\
## 배송

- 주문은 생산자별로 나뉘며, 각 생산자가 자기 몫을 포장해 보냅니다.
- 배송비는 지역에 따라 다릅니다: 꽝닌성 내, 북부 각 성, 그 밖의 지역. 500,000동 이상 주문은 무료 배송입니다.
- 보통 성 안에서는 1–2일, 다른 성까지는 3–5일이 걸립니다.
- **OCOP 판매점에서 직접 수령**하고 받을 때 결제할 수도 있습니다.

## 반품

- 상품이 파손·변질되었거나 주문과 다르면 받은 날로부터 **3일 이내**에 소포 사진과 주문 번호를 보내 알려 주세요.
- 개봉한 식품은 품질 결함이 아니면 반품할 수 없습니다.
- 반품이 승인되면 영업일 7일 이내에 대체 상품을 보내거나 결제한 방법으로 환불합니다.
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

- 订单信息仅与向您出售产品的 OCOP 生产者及快递公司共享。
- 银行卡支付由 Stripe 处理，我们不保存卡号。
- 本网站使用 Cookie 记住您的语言、购物车和登录状态，不使用广告 Cookie。
- 订单记录按会计和税务规定保存；您可以联系 OCOP 办公室，要求查看、更正或删除不再需要保存的个人信息。

本政策依据关于个人数据保护的第13/2023/NĐ-CP 号议定。
"""},
        "ko": {"title": "개인정보 처리방침", "body": """\
주문을 배송하는 데 필요한 정보만 수집합니다: 이름, 전화번호, 이메일, 배송 주소.

- 주문 정보는 상품을 판매하는 OCOP 생산자와 배송업체에만 공유됩니다.
- 카드 결제는 Stripe 가 처리하며, 저희는 카드 번호를 저장하지 않습니다.
- 이 사이트는 언어, 장바구니, 로그인을 기억하기 위해 쿠키를 사용하며, 광고 쿠키는 사용하지 않습니다.
- 주문 기록은 회계·세무 규정에 따라 보관합니다. 더 이상 보관할 필요가 없는 개인정보의 열람·정정·삭제는 OCOP 사무소에 요청할 수 있습니다.

이 방침은 개인정보 보호에 관한 시행령 13/2023/NĐ-CP 를 따릅니다.
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
- This site is run by the OCOP office of Quang Ninh province to present and sell the province's OCOP products. Each product is sold by the producer named on its page, who answers for its quality.
- Prices are in Vietnamese dong (₫), taxes included. Amounts in USD or CNY are approximate and for guidance only; you always pay in dong.
- An order is confirmed once the producer accepts it. If a product runs out after you ordered, we tell you and refund that part.
- A bank-transfer order that is not paid within the time shown on it is cancelled.
- Stars and certificate validity are shown as decided by the competent authority; when a certificate expires or is revoked, the product no longer shows the OCOP mark.
"""},
        "zh": {"title": "使用条款", "body": """\
- 本网站由广宁省 OCOP 办公室运营，用于展示和销售本省的 OCOP 产品。每件产品由其页面上注明的生产者销售，并由其对质量负责。
- 价格以越南盾（₫）标示，含税。美元或人民币金额仅为约数，供参考；实际一律以越南盾支付。
- 生产者接单后订单即告确认。如下单后产品售罄，我们会通知您并退还该部分款项。
- 银行转账订单如未在订单所示时限内付款，将自动取消。
- 星级和证书有效期依主管机关的决定显示；证书过期或被撤销后，产品不再显示 OCOP 标志。
"""},
        "ko": {"title": "이용약관", "body": """\
- 이 사이트는 꽝닌성 OCOP 사무소가 성의 OCOP 제품을 소개하고 판매하기 위해 운영합니다. 각 제품은 제품 페이지에 적힌 생산자가 판매하며 품질을 책임집니다.
- 가격은 베트남 동(₫)이며 세금이 포함되어 있습니다. 미국 달러나 위안화 금액은 참고용 추정치이며, 결제는 항상 동으로 합니다.
- 생산자가 주문을 받으면 주문이 확정됩니다. 주문 후 품절되면 알려 드리고 해당 금액을 환불합니다.
- 계좌 이체 주문은 주문에 표시된 기한 안에 결제되지 않으면 취소됩니다.
- 별 등급과 인증서 유효 기간은 관계 당국의 결정에 따라 표시하며, 인증서가 만료되거나 취소되면 제품에 더 이상 OCOP 마크가 표시되지 않습니다.
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
