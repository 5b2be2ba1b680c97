"""Demo catalogue of the OCOP Shop: sample data only, every human text in vi (source), en, zh and ko.

Producers named in the shared domain notes keep their names; every other producer, every
address, phone number, e-mail, price, stock figure, score and certificate here is invented for
the demo. Certificate numbers all start with "DEMO-" so that none can pass for a real decision.
Dates are relative (months_ago, starts_in_days): the loader turns them into dates from today.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------

# The 13 traditional (pre-July 2025) district-level localities, in the order of DOMAIN.md.
LOCALITIES = [
    {"slug": "ha-long", "kind": "city", "name": {"vi": "Hạ Long", "en": "Ha Long", "zh": "下龙"}},
    {"slug": "cam-pha", "kind": "city", "name": {"vi": "Cẩm Phả", "en": "Cam Pha", "zh": "锦普"}},
    {"slug": "uong-bi", "kind": "city", "name": {"vi": "Uông Bí", "en": "Uong Bi", "zh": "汪秘"}},
    {"slug": "mong-cai", "kind": "city", "name": {"vi": "Móng Cái", "en": "Mong Cai", "zh": "芒街"}},
    {"slug": "dong-trieu", "kind": "city", "name": {"vi": "Đông Triều", "en": "Dong Trieu", "zh": "东潮"}},
    {"slug": "quang-yen", "kind": "town", "name": {"vi": "Quảng Yên", "en": "Quang Yen", "zh": "广安"}},
    {"slug": "van-don", "kind": "district", "name": {"vi": "Vân Đồn", "en": "Van Don", "zh": "云屯"}},
    {"slug": "co-to", "kind": "district", "name": {"vi": "Cô Tô", "en": "Co To", "zh": "姑苏岛"}},
    {"slug": "tien-yen", "kind": "district", "name": {"vi": "Tiên Yên", "en": "Tien Yen", "zh": "先安"}},
    {"slug": "binh-lieu", "kind": "district", "name": {"vi": "Bình Liêu", "en": "Binh Lieu", "zh": "平辽"}},
    {"slug": "dam-ha", "kind": "district", "name": {"vi": "Đầm Hà", "en": "Dam Ha", "zh": "潭河"}},
    {"slug": "hai-ha", "kind": "district", "name": {"vi": "Hải Hà", "en": "Hai Ha", "zh": "海河"}},
    {"slug": "ba-che", "kind": "district", "name": {"vi": "Ba Chẽ", "en": "Ba Che", "zh": "巴扯"}},
]

# Current commune-level units (since 1 July 2025, Resolution 1679/NQ-UBTVQH15), a selection:
# every unit a producer uses, and at least one for each traditional locality.
ADMIN_UNITS = [
    {"name": "Phường Bãi Cháy", "kind": "ward", "locality": "ha-long"},
    {"name": "Phường Hồng Gai", "kind": "ward", "locality": "ha-long"},
    {"name": "Phường Hạ Long", "kind": "ward", "locality": "ha-long"},
    {"name": "Phường Tuần Châu", "kind": "ward", "locality": "ha-long"},
    {"name": "Phường Việt Hưng", "kind": "ward", "locality": "ha-long"},
    {"name": "Phường Quang Hanh", "kind": "ward", "locality": "cam-pha"},
    {"name": "Phường Cẩm Phả", "kind": "ward", "locality": "cam-pha"},
    {"name": "Phường Yên Tử", "kind": "ward", "locality": "uong-bi"},
    {"name": "Phường Uông Bí", "kind": "ward", "locality": "uong-bi"},
    {"name": "Phường Móng Cái 1", "kind": "ward", "locality": "mong-cai"},
    {"name": "Phường Móng Cái 2", "kind": "ward", "locality": "mong-cai"},
    {"name": "Phường Đông Triều", "kind": "ward", "locality": "dong-trieu"},
    {"name": "Phường Hoàng Quế", "kind": "ward", "locality": "dong-trieu"},
    {"name": "Phường Mạo Khê", "kind": "ward", "locality": "dong-trieu"},
    {"name": "Phường Quảng Yên", "kind": "ward", "locality": "quang-yen"},
    {"name": "Đặc khu Vân Đồn", "kind": "special_zone", "locality": "van-don"},
    {"name": "Đặc khu Cô Tô", "kind": "special_zone", "locality": "co-to"},
    {"name": "Xã Tiên Yên", "kind": "commune", "locality": "tien-yen"},
    {"name": "Xã Hải Lạng", "kind": "commune", "locality": "tien-yen"},
    {"name": "Xã Bình Liêu", "kind": "commune", "locality": "binh-lieu"},
    {"name": "Xã Hoành Mô", "kind": "commune", "locality": "binh-lieu"},
    {"name": "Xã Đầm Hà", "kind": "commune", "locality": "dam-ha"},
    {"name": "Xã Quảng Hà", "kind": "commune", "locality": "hai-ha"},
    {"name": "Xã Đường Hoa", "kind": "commune", "locality": "hai-ha"},
    {"name": "Xã Ba Chẽ", "kind": "commune", "locality": "ba-che"},
    {"name": "Xã Kỳ Thượng", "kind": "commune", "locality": "ba-che"},
]

# ---------------------------------------------------------------------------------------------
# OCOP product groups (Decision 148/QĐ-TTg, 2023)
# ---------------------------------------------------------------------------------------------

_QD148 = "Quyết định 148/QĐ-TTg ngày 24/02/2023"

GROUPS = [
    {"code": "I", "parent": None, "legal_basis": _QD148,
     "name": {"vi": "Thực phẩm", "en": "Food", "zh": "食品"}},
    {"code": "I.1", "parent": "I", "legal_basis": _QD148,
     "name": {"vi": "Thực phẩm tươi sống", "en": "Fresh food", "zh": "生鲜食品"}},
    {"code": "I.2", "parent": "I", "legal_basis": _QD148,
     "name": {"vi": "Thực phẩm thô, sơ chế", "en": "Raw and semi-processed food", "zh": "初加工食品"}},
    {"code": "I.3", "parent": "I", "legal_basis": _QD148,
     "name": {"vi": "Thực phẩm chế biến", "en": "Processed food", "zh": "加工食品"}},
    {"code": "I.4", "parent": "I", "legal_basis": _QD148,
     "name": {"vi": "Gia vị", "en": "Condiments and sauces", "zh": "调味品"}},
    {"code": "I.5", "parent": "I", "legal_basis": _QD148,
     "name": {"vi": "Chè", "en": "Tea", "zh": "茶"}},
    {"code": "I.6", "parent": "I", "legal_basis": _QD148,
     "name": {"vi": "Cà phê, ca cao", "en": "Coffee and cocoa", "zh": "咖啡、可可"}},
    {"code": "II", "parent": None, "legal_basis": _QD148,
     "name": {"vi": "Đồ uống", "en": "Beverages", "zh": "饮料"}},
    {"code": "II.1", "parent": "II", "legal_basis": _QD148,
     "name": {"vi": "Đồ uống có cồn", "en": "Alcoholic drinks", "zh": "酒类"}},
    {"code": "II.2", "parent": "II", "legal_basis": _QD148,
     "name": {"vi": "Đồ uống không cồn", "en": "Non-alcoholic drinks", "zh": "无酒精饮料"}},
    {"code": "III", "parent": None, "legal_basis": _QD148,
     "name": {"vi": "Dược liệu và sản phẩm từ dược liệu", "en": "Medicinal herbs and herbal products",
              "zh": "药材及药材制品"}},
    {"code": "IV", "parent": None, "legal_basis": _QD148,
     "name": {"vi": "Thủ công mỹ nghệ", "en": "Handicrafts, textiles and garments", "zh": "手工艺品"}},
    {"code": "V", "parent": None, "legal_basis": _QD148,
     "name": {"vi": "Sinh vật cảnh", "en": "Ornamental plants and animals", "zh": "观赏动植物"}},
    {"code": "VI", "parent": None, "legal_basis": _QD148,
     "name": {"vi": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
              "en": "Community and eco-tourism services", "zh": "社区及生态旅游服务"}},
]

# ---------------------------------------------------------------------------------------------
# Producers (chủ thể OCOP)
# ---------------------------------------------------------------------------------------------

PRODUCERS = [
    {
        "slug": "ngoc-trai-ha-long",
        "type": "enterprise",
        "locality": "ha-long",
        "admin_unit": "Phường Bãi Cháy",
        "phone": "0203 3846 210",
        "email": "ngoctraihalong@example.vn",
        "address": "Đường Hạ Long, phường Bãi Cháy, Quảng Ninh",
        "name": {"vi": "CTCP Ngọc trai Hạ Long", "en": "Ha Long Pearl JSC", "zh": "下龙珍珠股份公司"},
        "summary": {
            "vi": "Doanh nghiệp nuôi cấy ngọc trai Akoya trong các vùng vịnh của Quảng Ninh và chế tác thành trang sức.",
            "en": "An enterprise that cultures Akoya pearls in the bays of Quang Ninh and makes them into jewellery.",
            "zh": "在广宁省海湾养殖阿古屋珍珠并将其制成首饰的企业。",
        },
        "story": {
            "vi": (
                "CTCP Ngọc trai Hạ Long nuôi trai Akoya và cấy ngọc trong vùng nước kín gió của các vịnh "
                "Quảng Ninh. Mỗi con trai được cấy nhân bằng tay, sau đó được treo trong lồng dưới bè và "
                "chăm sóc từ một đến hai năm trước khi thu hoạch.\n\n"
                "Ngọc thu được làm sạch và phân loại theo kích thước, độ tròn, độ bóng và màu sắc. Những viên "
                "đạt chuẩn được gắn thành mặt dây chuyền, hoa tai và vòng cổ.\n\n"
                "Vịnh Hạ Long và vịnh Bái Tử Long có rất nhiều đảo che chắn sóng gió, nước sạch và ổn định, "
                "đúng những điều kiện mà trai ngọc cần để tạo nên lớp xà cừ đẹp."
            ),
            "en": (
                "Ha Long Pearl JSC raises Akoya pearl oysters and cultures pearls in the sheltered waters of "
                "Quang Ninh's bays. Each oyster is nucleated by hand, then hung in a basket below a raft and "
                "tended for one to two years before harvest.\n\n"
                "The pearls are cleaned and graded by size, roundness, lustre and colour. Those that make the "
                "grade are set as pendants, earrings and necklaces.\n\n"
                "Ha Long Bay and Bai Tu Long Bay are dotted with islands that break the wind and waves, keeping "
                "the water clean and calm: just what pearl oysters need to lay down fine nacre."
            ),
            "zh": (
                "下龙珍珠股份公司在广宁省各海湾风平浪静的水域养殖阿古屋珍珠贝并培育珍珠。每只珍珠贝都由人工"
                "植核，然后装入网笼吊养在浮排下，经过一到两年的照料才收获。\n\n"
                "收获的珍珠经过清洗，并按大小、圆度、光泽和颜色分级。合格的珍珠被制成吊坠、耳环和项链。\n\n"
                "下龙湾和拜子龙湾岛屿众多，阻挡了风浪，海水清洁而平稳，正是珍珠贝形成美丽珍珠层所需的条件。"
            ),
        },
    },
    {
        "slug": "quy-hoa",
        "type": "enterprise",
        "locality": "hai-ha",
        "admin_unit": "Xã Quảng Hà",
        "phone": "0203 3879 455",
        "email": "quyhoa@example.vn",
        "address": "Khu vực xã Quảng Long cũ, xã Quảng Hà, Quảng Ninh",
        "name": {"vi": "Công ty TNHH Quy Hoa", "en": "Quy Hoa Co., Ltd.", "zh": "归华有限责任公司"},
        "summary": {
            "vi": "Doanh nghiệp trồng và chế biến trà hoa vàng ở Hải Hà, vùng đồi biên giới phía đông bắc Quảng Ninh.",
            "en": "An enterprise growing and processing golden camellia tea in Hai Ha, in the border hills of north-eastern Quang Ninh.",
            "zh": "在广宁省东北部边境丘陵地区海河种植并加工金花茶的企业。",
        },
        "story": {
            "vi": (
                "Công ty TNHH Quy Hoa trồng và chế biến trà hoa vàng tại Hải Hà, vùng đồi giáp biên giới ở "
                "phía đông bắc Quảng Ninh.\n\n"
                "Trà hoa vàng là một nhóm loài trà có hoa màu vàng, ưa bóng râm và đất ẩm dưới tán rừng. Cây "
                "cần nhiều năm mới ra hoa; hoa nở từ cuối thu đến đầu xuân và được hái từng bông bằng tay. Sau "
                "khi hái, hoa được làm sạch và sấy ở nhiệt độ thấp để giữ màu vàng và hương thơm nhẹ.\n\n"
                "Khí hậu mát, ẩm cùng những cánh rừng trên đồi của Hải Hà là môi trường phù hợp cho loài cây này."
            ),
            "en": (
                "Quy Hoa Co., Ltd. grows and processes golden camellia tea in Hai Ha, a hilly border area in "
                "the north-east of Quang Ninh.\n\n"
                "Golden camellias are a group of camellia species with yellow flowers that like shade and moist "
                "soil under the forest canopy. The plants take several years to flower; they bloom from late "
                "autumn to early spring, and every flower is picked by hand. The flowers are then cleaned and "
                "dried at a low temperature to keep their colour and light fragrance.\n\n"
                "Hai Ha's cool, humid climate and forested hills suit the plant well."
            ),
            "zh": (
                "归华有限责任公司在海河种植并加工金花茶。海河位于广宁省东北部，是与中国接壤的丘陵地区。\n\n"
                "金花茶是一类开黄色花朵的山茶属植物，喜欢林下的荫蔽和湿润的土壤。植株要生长多年才能开花；"
                "花期从深秋到早春，每一朵花都靠人工采摘。采下的花朵经过清洗，再低温烘干，以保留金黄的颜色"
                "和淡淡的香气。\n\n"
                "海河凉爽湿润的气候和林木茂密的山丘，十分适合金花茶生长。"
            ),
        },
    },
    {
        "slug": "lam-san-ngoai-go-dap-thanh",
        "type": "enterprise",
        "locality": "ba-che",
        "admin_unit": "Xã Kỳ Thượng",
        "phone": "0203 3888 127",
        "email": "dapthanh@example.vn",
        "address": "Khu vực xã Đạp Thanh cũ, xã Kỳ Thượng, Quảng Ninh",
        "name": {"vi": "CTCP Lâm sản ngoài gỗ Đạp Thanh", "en": "Dap Thanh Non-Timber Forest Products JSC",
                 "zh": "踏青非木材林产品股份公司"},
        "summary": {
            "vi": "Doanh nghiệp cùng các hộ dân trồng trà hoa vàng dưới tán rừng Ba Chẽ và chế biến thành trà khô.",
            "en": "An enterprise that works with local households to grow golden camellia under the forests of Ba Che and dry it as tea.",
            "zh": "与当地农户合作，在巴扯林下种植金花茶并加工成干茶的企业。",
        },
        "story": {
            "vi": (
                "CTCP Lâm sản ngoài gỗ Đạp Thanh có trụ sở ở vùng xã Đạp Thanh cũ của Ba Chẽ, nay thuộc xã "
                "Kỳ Thượng. Công ty cùng các hộ dân trồng trà hoa vàng dưới tán rừng, thu mua hoa và chế biến "
                "thành trà khô.\n\n"
                "Thay vì chặt rừng để trồng cây ngắn ngày, người trồng giữ lại tán cây che bóng cho trà hoa "
                "vàng. Hoa được hái vào mùa đông, phơi tái rồi sấy khô trong xưởng của công ty.\n\n"
                "Ba Chẽ là vùng núi có diện tích rừng lớn, nơi người Dao, người Tày và người Kinh sinh sống, "
                "quen với nghề rừng và các loài cây dược liệu."
            ),
            "en": (
                "Dap Thanh Non-Timber Forest Products JSC is based in the former Dap Thanh commune of Ba Che, "
                "now part of Ky Thuong commune. Together with local households it grows golden camellia under "
                "the forest canopy, buys the flowers and turns them into dried tea.\n\n"
                "Rather than clearing forest for short-term crops, growers keep the trees that shade the "
                "camellias. The flowers are picked in winter, part-dried in the open air and then finished in "
                "the company's drying room.\n\n"
                "Ba Che is a mountainous, heavily forested area, home to Dao, Tay and Kinh people who know the "
                "forest and its medicinal plants well."
            ),
            "zh": (
                "踏青非木材林产品股份公司位于巴扯原踏青乡（现属奇上乡）。公司与当地农户一起"
                "在林下种植金花茶，收购花朵并加工成干茶。\n\n"
                "种植户不砍伐森林改种短期作物，而是保留为金花茶遮荫的树木。花朵在冬季采摘，先自然晾晒，"
                "再在公司的烘房中烘干。\n\n"
                "巴扯是森林覆盖面积很大的山区，瑶族、岱依族和京族在这里生活，熟悉山林和各种药用植物。"
            ),
        },
    },
    {
        "slug": "lam-san-ngoai-go-ba-che",
        "type": "cooperative",
        "locality": "ba-che",
        "admin_unit": "Xã Ba Chẽ",
        "phone": "0203 3888 342",
        "email": "htxbache@example.vn",
        "address": "Khu 3, xã Ba Chẽ, Quảng Ninh",
        "name": {"vi": "HTX Lâm sản ngoài gỗ Ba Chẽ", "en": "Ba Che Non-Timber Forest Products Cooperative",
                 "zh": "巴扯非木材林产品合作社"},
        "summary": {
            "vi": "Hợp tác xã của các hộ trồng ba kích tím trên đồi rừng Ba Chẽ, làm ba kích khô và rượu ba kích.",
            "en": "A cooperative of households growing purple Morinda on the forested hills of Ba Che, making dried root and Morinda liquor.",
            "zh": "由在巴扯山林种植紫巴戟天的农户组成的合作社，生产巴戟天干和巴戟天酒。",
        },
        "story": {
            "vi": (
                "HTX Lâm sản ngoài gỗ Ba Chẽ tập hợp các hộ trồng ba kích tím trên đồi rừng Ba Chẽ. Hợp tác "
                "xã hướng dẫn kỹ thuật trồng, thu mua củ của xã viên và chế biến thành ba kích khô và rượu "
                "ba kích.\n\n"
                "Ba kích là cây dây leo, trồng dưới tán rừng ít nhất ba năm mới cho thu hoạch. Củ được rửa "
                "sạch, rút lõi, phơi hoặc sấy khô; một phần được ngâm trong rượu gạo nhiều tháng.\n\n"
                "Nghề trồng ba kích giúp các gia đình vùng núi có thêm thu nhập mà vẫn giữ được rừng."
            ),
            "en": (
                "Ba Che Non-Timber Forest Products Cooperative brings together households that grow purple "
                "Morinda on the forested hills of Ba Che. The cooperative advises members on cultivation, buys "
                "their roots and processes them into dried Morinda root and Morinda root liquor.\n\n"
                "Morinda is a climbing vine grown under the forest canopy; it needs at least three years before "
                "the roots can be harvested. The roots are washed, cored and dried in the sun or a dryer, and "
                "some are steeped in rice liquor for several months.\n\n"
                "Growing Morinda gives mountain families extra income while the forest stays standing."
            ),
            "zh": (
                "巴扯非木材林产品合作社联合了在巴扯山林中种植紫巴戟天的农户。合作社为社员提供种植技术指导，"
                "收购他们的巴戟天根，并加工成巴戟天干和巴戟天酒。\n\n"
                "巴戟天是一种藤本植物，种在林下，至少三年后才能采挖。根部洗净、去芯后晒干或烘干，其中一部分"
                "用米酒浸泡数月。\n\n"
                "种植巴戟天让山区农户增加了收入，同时也保住了森林。"
            ),
        },
    },
    {
        "slug": "nuoc-khoang-quang-hanh",
        "type": "enterprise",
        "locality": "cam-pha",
        "admin_unit": "Phường Quang Hanh",
        "phone": "0203 3862 218",
        "email": "nuockhoangquanghanh@example.vn",
        "address": "Quốc lộ 18, phường Quang Hanh, Quảng Ninh",
        "name": {"vi": "CTCP Nước khoáng Quang Hanh", "en": "Quang Hanh Mineral Water JSC",
                 "zh": "光亨矿泉水股份公司"},
        "summary": {
            "vi": "Doanh nghiệp khai thác và đóng chai nước khoáng thiên nhiên ở vùng khoáng nóng Quang Hanh, Cẩm Phả.",
            "en": "An enterprise that draws and bottles natural mineral water in the hot-spring area of Quang Hanh, Cam Pha.",
            "zh": "在锦普光亨温泉区开采并灌装天然矿泉水的企业。",
        },
        "story": {
            "vi": (
                "CTCP Nước khoáng Quang Hanh khai thác và đóng chai nước khoáng thiên nhiên tại phường Quang "
                "Hanh, Cẩm Phả.\n\n"
                "Quang Hanh nằm giữa núi đá vôi và bờ vịnh Bái Tử Long, từ lâu được biết đến với những nguồn "
                "nước khoáng nóng dùng để tắm và nghỉ dưỡng. Nước được lấy từ giếng khoan sâu, lọc và đóng chai "
                "trên dây chuyền khép kín.\n\n"
                "Sản phẩm gồm chai nhỏ tiện mang theo và chai lớn dùng trong gia đình."
            ),
            "en": (
                "Quang Hanh Mineral Water JSC draws and bottles natural mineral water in Quang Hanh ward, "
                "Cam Pha.\n\n"
                "Quang Hanh lies between limestone hills and the shore of Bai Tu Long Bay and has long been "
                "known for its hot mineral springs, used for bathing and spa stays. The water comes from deep "
                "boreholes and is filtered and bottled on a closed line.\n\n"
                "The range includes small bottles to take along and larger bottles for the home."
            ),
            "zh": (
                "光亨矿泉水股份公司在锦普光亨坊开采并灌装天然矿泉水。\n\n"
                "光亨位于石灰岩山与拜子龙湾海岸之间，自古以温泉闻名，人们来这里泡浴、疗养。矿泉水取自"
                "深井，经过滤后在封闭生产线上灌装。\n\n"
                "产品有便于携带的小瓶装，也有适合家庭饮用的大瓶装。"
            ),
        },
    },
    {
        "slug": "dong-tien",
        "type": "cooperative",
        "locality": "tien-yen",
        "admin_unit": "Xã Hải Lạng",
        "phone": "0203 3876 509",
        "email": "htxdongtien@example.vn",
        "address": "Khu vực xã Đồng Rui cũ, xã Hải Lạng, Quảng Ninh",
        "name": {"vi": "HTX Đồng Tiến", "en": "Dong Tien Cooperative", "zh": "同进合作社"},
        "summary": {
            "vi": "Hợp tác xã nuôi vịt biển thả trên bãi triều và rừng ngập mặn Đồng Rui.",
            "en": "A cooperative raising sea ducks that forage on the tidal flats and mangroves of Dong Rui.",
            "zh": "在同瑞滩涂和红树林放养海鸭的合作社。",
        },
        "story": {
            "vi": (
                "HTX Đồng Tiến ở vùng xã Đồng Rui cũ của Tiên Yên, nay thuộc xã Hải Lạng. Các xã viên nuôi vịt "
                "biển theo cách thả đàn trên bãi triều và thu trứng hằng ngày.\n\n"
                "Đồng Rui gần như được bao quanh bởi nước và rừng ngập mặn. Khi thủy triều rút, đàn vịt được "
                "lùa ra bãi để tự kiếm tôm, cua, ốc nhỏ; chiều tối vịt về chuồng trên bờ. Trứng được nhặt mỗi "
                "sáng, làm sạch, soi và phân loại trước khi đóng khay.\n\n"
                "Cách nuôi này dựa vào nguồn thức ăn tự nhiên của rừng ngập mặn, vì vậy hợp tác xã cùng người "
                "dân địa phương chú trọng giữ gìn rừng."
            ),
            "en": (
                "Dong Tien Cooperative is in the former Dong Rui commune of Tien Yen, now part of Hai Lang "
                "commune. Its members raise sea ducks that roam the tidal flats, and collect their eggs every "
                "day.\n\n"
                "Dong Rui is almost surrounded by water and mangrove forest. When the tide goes out, the ducks "
                "are herded onto the flats to forage for small shrimp, crabs and snails; in the evening they "
                "return to their pens on shore. The eggs are gathered each morning, cleaned, candled and graded "
                "before being packed in trays.\n\n"
                "Because this way of farming depends on the mangroves for food, the cooperative and local "
                "people take care to protect the forest."
            ),
            "zh": (
                "同进合作社位于先安原同瑞乡（现属海浪乡）。社员在滩涂上放养海鸭，每天收集鸭蛋。\n\n"
                "同瑞几乎被海水和红树林环绕。退潮时，鸭群被赶到滩涂上，自己觅食小虾、小蟹和小螺；傍晚"
                "回到岸上的鸭舍。鸭蛋每天早上收集，经清洗、照蛋和分级后装盘。\n\n"
                "这种养殖方式依靠红树林提供的天然食物，因此合作社和当地居民都很注重保护森林。"
            ),
        },
    },
    {
        "slug": "dinh-trung",
        "type": "cooperative",
        "locality": "binh-lieu",
        "admin_unit": "Xã Bình Liêu",
        "phone": "0203 3878 266",
        "email": "htxdinhtrung@example.vn",
        "address": "Khu vực thị trấn Bình Liêu cũ, xã Bình Liêu, Quảng Ninh",
        "name": {"vi": "HTX Đình Trung", "en": "Dinh Trung Cooperative", "zh": "亭中合作社"},
        "summary": {
            "vi": "Hợp tác xã làm miến dong từ củ dong riềng trồng trên đồi Bình Liêu.",
            "en": "A cooperative making glass noodles from canna grown on the hills of Binh Lieu.",
            "zh": "用平辽山坡种植的蕉芋制作粉丝的合作社。",
        },
        "story": {
            "vi": (
                "HTX Đình Trung ở Bình Liêu, vùng núi cao giáp biên giới Việt – Trung, sản xuất miến dong từ "
                "củ dong riềng do các hộ trong vùng trồng.\n\n"
                "Dong riềng được trồng trên nương đồi và thu hoạch vào cuối năm. Củ được rửa, nghiền và lọc lấy "
                "tinh bột; tinh bột được tráng thành bánh, thái sợi rồi phơi trên giàn tre. Những ngày hanh khô "
                "của mùa đông Bình Liêu giúp sợi miến khô đều và dai.\n\n"
                "Bình Liêu là quê hương của người Tày, người Dao và nhiều dân tộc khác, nổi tiếng với những đồi "
                "hoa lau và các cột mốc biên giới trên đỉnh núi."
            ),
            "en": (
                "Dinh Trung Cooperative in Binh Lieu, a highland area on the Vietnam–China border, makes glass "
                "noodles from canna grown by local households.\n\n"
                "Canna is planted on hillside fields and harvested towards the end of the year. The tubers are "
                "washed and ground and the starch is washed out; the starch is then spread into thin sheets, "
                "cut into strands and dried on bamboo racks. The dry, sunny days of Binh Lieu's winter help the "
                "noodles dry evenly and stay springy.\n\n"
                "Binh Lieu is home to Tay, Dao and other peoples, and is known for its hills of flowering reeds "
                "and the border markers along its mountain ridges."
            ),
            "zh": (
                "亭中合作社位于中越边境的高山地区平辽，用当地农户种植的蕉芋制作粉丝。\n\n"
                "蕉芋种在山坡地上，年底收获。块根洗净、磨碎后滤取淀粉，淀粉再摊成薄片、切成粉丝，晾在竹架"
                "上。平辽冬季晴朗干燥，使粉丝干得均匀，口感筋道。\n\n"
                "平辽是岱依族、瑶族等民族的家园，以漫山的芦苇花和山脊上的界碑而闻名。"
            ),
        },
    },
    {
        "slug": "cha-muc-hon-gai",
        "type": "household",
        "locality": "ha-long",
        "admin_unit": "Phường Hồng Gai",
        "phone": "0203 3825 774",
        "email": "chamuchongai@example.vn",
        "address": "Phố Lê Thánh Tông, phường Hồng Gai, Quảng Ninh",
        "name": {"vi": "Cơ sở Chả mực Hòn Gai", "en": "Hon Gai Squid Cakes", "zh": "鸿基墨鱼饼作坊"},
        "summary": {
            "vi": "Bếp gia đình ở khu phố cũ Hòn Gai, làm chả mực giã tay theo cách truyền thống của Hạ Long.",
            "en": "A family kitchen in old Hon Gai making hand-pounded squid cakes the traditional Ha Long way.",
            "zh": "鸿基老城区的家庭作坊，按下龙传统方法手工捣制墨鱼饼。",
        },
        "story": {
            "vi": (
                "Cơ sở Chả mực Hòn Gai là một bếp gia đình trong khu phố cũ Hòn Gai, làm chả mực theo cách giã "
                "tay truyền thống của người Hạ Long.\n\n"
                "Mỗi sáng, mực được mua tươi từ tàu cá, làm sạch ngay rồi giã trong cối đá đến khi quết dẻo mà "
                "vẫn còn những miếng mực nhỏ. Chả được nêm vừa phải, nặn tay từng miếng và rán vàng trên chảo.\n\n"
                "Hòn Gai là khu phố lâu đời bên bờ vịnh Hạ Long, nơi chả mực là món quen thuộc trong bữa sáng "
                "và mâm cơm gia đình."
            ),
            "en": (
                "Hon Gai Squid Cakes is a family kitchen in the old Hon Gai quarter, making squid cakes by hand "
                "in the traditional Ha Long way.\n\n"
                "Every morning the squid is bought fresh from the fishing boats, cleaned straight away and "
                "pounded in a stone mortar into a sticky paste that still holds small pieces of squid. The paste "
                "is lightly seasoned, shaped by hand and fried golden in a pan.\n\n"
                "Hon Gai is the old town on the shore of Ha Long Bay, where squid cakes turn up at breakfast and "
                "at everyday family meals."
            ),
            "zh": (
                "鸿基墨鱼饼作坊是鸿基老城区的一家家庭作坊，按照下龙的传统方法手工捣制墨鱼饼。\n\n"
                "每天早上从渔船上买来新鲜墨鱼，立即清洗，然后在石臼中捣成有黏性的鱼浆，同时保留小块墨鱼肉。"
                "鱼浆适度调味后，用手一块块捏成饼，放入锅中煎炸至金黄。\n\n"
                "鸿基是下龙湾岸边的老城区，墨鱼饼是当地人早餐和家常饭桌上的常见菜。"
            ),
        },
    },
    {
        "slug": "cau-muc-co-to",
        "type": "cooperative_group",
        "locality": "co-to",
        "admin_unit": "Đặc khu Cô Tô",
        "phone": "0203 3889 415",
        "email": "caumuccoto@example.vn",
        "address": "Khu vực cảng Cô Tô, đặc khu Cô Tô, Quảng Ninh",
        "name": {"vi": "Tổ hợp tác Câu mực Cô Tô", "en": "Co To Squid Fishers' Group", "zh": "姑苏岛钓鱿鱼合作组"},
        "summary": {
            "vi": "Tổ hợp tác của các gia đình ngư dân Cô Tô câu mực đêm và phơi mực khô.",
            "en": "A group of Co To fishing families who catch squid at night and dry it on the island.",
            "zh": "由姑苏岛渔民家庭组成的合作组，夜间钓鱿鱼并在岛上晒制鱿鱼干。",
        },
        "story": {
            "vi": (
                "Tổ hợp tác Câu mực Cô Tô gồm các gia đình ngư dân trên đảo Cô Tô cùng nhau khai thác, sơ chế "
                "và phơi mực ống.\n\n"
                "Thuyền ra khơi lúc chiều tối, thắp đèn để dụ mực và câu bằng tay, nên mực không bị dập nát. "
                "Về đến bến, mực được mổ, làm sạch và phơi trên giàn trong nắng và gió biển.\n\n"
                "Cô Tô là quần đảo ngoài khơi vịnh Bắc Bộ, nước biển trong xanh, nơi nghề câu mực đã gắn bó "
                "với người dân đảo qua nhiều thế hệ."
            ),
            "en": (
                "The Co To Squid Fishers' Group brings together fishing families on the Co To islands who catch, "
                "prepare and dry squid together.\n\n"
                "The boats go out at dusk and use lights to draw the squid, which are then caught by hand line, "
                "so they reach shore undamaged. Back in port the squid are split, cleaned and dried on racks in "
                "the sun and sea wind.\n\n"
                "Co To is an archipelago out in the Gulf of Tonkin with clear water, where squid fishing has "
                "been part of island life for generations."
            ),
            "zh": (
                "姑苏岛钓鱿鱼合作组由姑苏岛上的渔民家庭组成，共同捕捞、处理和晾晒鱿鱼。\n\n"
                "渔船傍晚出海，用灯光诱集鱿鱼，再用手钓捕获，因此鱿鱼完整无损。回港后，鱿鱼被剖开、洗净，"
                "摊在架子上借阳光和海风晒干。\n\n"
                "姑苏岛是北部湾中的一个群岛，海水清澈，钓鱿鱼是岛上居民世代相传的生计。"
            ),
        },
    },
    {
        "slug": "hai-san-quan-lan",
        "type": "cooperative",
        "locality": "van-don",
        "admin_unit": "Đặc khu Vân Đồn",
        "phone": "0203 3793 258",
        "email": "haisanquanlan@example.vn",
        "address": "Khu vực xã Quan Lạn cũ, đặc khu Vân Đồn, Quảng Ninh",
        "name": {"vi": "HTX Hải sản Quan Lạn", "en": "Quan Lan Seafood Cooperative", "zh": "官兰海产合作社"},
        "summary": {
            "vi": "Hợp tác xã trên đảo Quan Lạn làm nước mắm truyền thống và sơ chế sá sùng.",
            "en": "A cooperative on Quan Lan island that makes traditional fish sauce and prepares peanut worms.",
            "zh": "官兰岛上制作传统鱼露并加工沙虫的合作社。",
        },
        "story": {
            "vi": (
                "HTX Hải sản Quan Lạn gồm các hộ dân trên đảo Quan Lạn, Vân Đồn, làm nước mắm truyền thống và "
                "sơ chế sá sùng.\n\n"
                "Sá sùng sống vùi trong các bãi cát quanh đảo. Khi nước rút, người dân đào bắt, lộn ruột, rửa "
                "sạch cát rồi phơi khô. Nước mắm được ủ từ cá cơm và muối trong thùng gỗ nhiều tháng, sau đó "
                "ngâm cùng sá sùng khô đã nướng để có vị ngọt hậu.\n\n"
                "Quan Lạn là hòn đảo thuộc vùng biển Bái Tử Long, có những bãi cát dài, làng chài cổ và lễ hội "
                "truyền thống."
            ),
            "en": (
                "Quan Lan Seafood Cooperative groups households on Quan Lan island in Van Don that make "
                "traditional fish sauce and prepare peanut worms.\n\n"
                "Peanut worms live buried in the sand flats around the island. At low tide islanders dig them "
                "out, turn them inside out, wash out the sand and dry them. The fish sauce is fermented from "
                "anchovies and salt in wooden vats for many months, then steeped with roasted dried peanut "
                "worms for a sweet, lingering finish.\n\n"
                "Quan Lan, in the Bai Tu Long Bay area, is an island of long sandy beaches, an old fishing "
                "village and traditional festivals."
            ),
            "zh": (
                "官兰海产合作社由云屯官兰岛上的农户组成，制作传统鱼露并加工沙虫。\n\n"
                "沙虫生活在海岛周边的沙滩里。退潮时，岛民把沙虫挖出，翻肠、洗净泥沙后晒干。鱼露以鳀鱼和盐"
                "在木桶中发酵数月，再加入烤香的沙虫干浸泡，使回味更加鲜甜。\n\n"
                "官兰岛位于拜子龙湾海域，有绵长的沙滩、古老的渔村和传统节庆。"
            ),
        },
    },
    {
        "slug": "hai-vi-bai-tu-long",
        "type": "enterprise",
        "locality": "van-don",
        "admin_unit": "Đặc khu Vân Đồn",
        "phone": "0203 3794 630",
        "email": "haivibaitulong@example.vn",
        "address": "Khu Cái Rồng, đặc khu Vân Đồn, Quảng Ninh",
        "name": {"vi": "Công ty TNHH Hải vị Bái Tử Long", "en": "Bai Tu Long Sea Flavours Co., Ltd.",
                 "zh": "拜子龙海味有限责任公司"},
        "summary": {
            "vi": "Xưởng chế biến nhỏ gần Cái Rồng, làm ruốc từ hàu và trai nuôi ở vùng biển Vân Đồn.",
            "en": "A small workshop near Cai Rong making savoury floss from oysters and mussels farmed around Van Don.",
            "zh": "Cai Rong 附近的小型加工厂，用云屯海域养殖的生蚝和海贝制作肉松。",
        },
        "story": {
            "vi": (
                "Công ty TNHH Hải vị Bái Tử Long là xưởng chế biến nhỏ gần Cái Rồng, làm các loại ruốc từ hải "
                "sản nuôi ở vùng biển Vân Đồn.\n\n"
                "Vân Đồn nổi tiếng với hàu nuôi trên bè và giàn trong vịnh Bái Tử Long. Công ty thu mua hàu và "
                "trai tươi từ các hộ nuôi, hấp chín, tách thịt, rồi sao nhỏ lửa nhiều giờ với gia vị đến khi "
                "khô tơi.\n\n"
                "Sản phẩm được đóng hũ ngay tại xưởng để giữ hương vị của biển."
            ),
            "en": (
                "Bai Tu Long Sea Flavours Co., Ltd. is a small processing workshop near Cai Rong that makes "
                "savoury floss from seafood farmed in the Van Don area.\n\n"
                "Van Don is well known for oysters grown on rafts and racks in Bai Tu Long Bay. The company buys "
                "fresh oysters and mussels from local farmers, steams them, takes out the meat and dry-roasts it "
                "slowly with seasoning for hours until it turns light and fluffy.\n\n"
                "The floss is packed in jars right at the workshop to keep its taste of the sea."
            ),
            "zh": (
                "拜子龙海味有限责任公司是 Cai Rong 附近的一家小型加工厂，用云屯海域养殖的海产制作肉松。\n\n"
                "云屯以拜子龙湾浮排和养殖架上的生蚝而闻名。公司从当地养殖户收购新鲜生蚝和海贝，蒸熟取肉，"
                "再加入调料，用小火慢炒数小时，直到干爽蓬松。\n\n"
                "产品在厂内直接装瓶，以保留大海的鲜味。"
            ),
        },
    },
    {
        "slug": "nem-chua-yen-giang",
        "type": "household",
        "locality": "quang-yen",
        "admin_unit": "Phường Quảng Yên",
        "phone": "0203 3875 142",
        "email": "nemchuayengiang@example.vn",
        "address": "Phố Ngô Quyền, phường Quảng Yên, Quảng Ninh",
        "name": {"vi": "Cơ sở Nem chua Yên Giang", "en": "Yen Giang Nem Chua", "zh": "安江酸肉作坊"},
        "summary": {
            "vi": "Hộ gia đình ở Quảng Yên làm nem chua hằng ngày theo công thức truyền thống của vùng.",
            "en": "A family business in Quang Yen making nem chua, fermented pork rolls, every day from a local recipe.",
            "zh": "广安的一户家庭作坊，每天按当地传统配方制作酸肉。",
        },
        "story": {
            "vi": (
                "Cơ sở Nem chua Yên Giang là một hộ gia đình ở phường Quảng Yên làm nem chua theo công thức "
                "truyền thống của vùng.\n\n"
                "Nem được làm hằng ngày từ thịt lợn nạc tươi giã nhuyễn, trộn với bì lợn thái sợi và gia vị, "
                "gói trong lá rồi để lên men tự nhiên. Mỗi mẻ chỉ làm vừa đủ bán trong vài ngày để nem luôn "
                "tươi.\n\n"
                "Quảng Yên là vùng đất cổ bên sông Bạch Đằng, nơi có bãi cọc Bạch Đằng gắn với những trận thủy "
                "chiến nổi tiếng trong lịch sử Việt Nam."
            ),
            "en": (
                "Yen Giang Nem Chua is a family business in Quang Yen ward making nem chua, fermented pork "
                "rolls, from a local traditional recipe.\n\n"
                "The rolls are made daily from fresh lean pork, pounded fine and mixed with thin strips of pork "
                "skin and seasoning, then wrapped in leaves and left to ferment naturally. Each batch is only "
                "as large as can be sold within a few days, so the rolls are always fresh.\n\n"
                "Quang Yen is an old town on the Bach Dang River, where the stake fields of Bach Dang recall "
                "famous river battles in Vietnamese history."
            ),
            "zh": (
                "安江酸肉作坊是广安坊的一户家庭作坊，按当地传统配方制作酸肉。\n\n"
                "酸肉每天用新鲜瘦猪肉制作：猪肉捣细，拌入切丝的猪皮和调料，用叶子包好后自然发酵。每批只做"
                "几天内能卖完的量，以保证新鲜。\n\n"
                "广安是白藤江畔的古城，白藤江木桩遗址见证了越南历史上著名的水战。"
            ),
        },
    },
    {
        "slug": "keo-lac-tien-yen",
        "type": "household",
        "locality": "tien-yen",
        "admin_unit": "Xã Tiên Yên",
        "phone": "0203 3876 318",
        "email": "keolactienyen@example.vn",
        "address": "Gần chợ Tiên Yên, xã Tiên Yên, Quảng Ninh",
        "name": {"vi": "Cơ sở Kẹo lạc Tiên Yên", "en": "Tien Yen Peanut Candy", "zh": "先安花生糖作坊"},
        "summary": {
            "vi": "Hộ gia đình gần chợ Tiên Yên nấu kẹo lạc thủ công từ lạc trồng trong vùng.",
            "en": "A family business near Tien Yen market making peanut candy by hand from locally grown peanuts.",
            "zh": "先安市场附近的家庭作坊，用本地花生手工熬制花生糖。",
        },
        "story": {
            "vi": (
                "Cơ sở Kẹo lạc Tiên Yên là một hộ gia đình gần chợ Tiên Yên, nấu kẹo lạc thủ công để bán cho "
                "người dân trong vùng và khách đi đường.\n\n"
                "Lạc hạt nhỏ, vỏ lụa đỏ mua từ các hộ trồng quanh vùng, được rang trên chảo gang rồi trộn với "
                "mạch nha, đường và gừng tươi, cán mỏng và cắt miếng khi kẹo còn ấm.\n\n"
                "Tiên Yên là thị trấn cũ nơi gặp nhau của các tuyến đường đi Móng Cái, Bình Liêu và Lạng Sơn, "
                "từ lâu là nơi buôn bán sầm uất của miền đông Quảng Ninh."
            ),
            "en": (
                "Tien Yen Peanut Candy is a family business near Tien Yen market that makes peanut candy by hand "
                "for local shoppers and travellers passing through.\n\n"
                "Small red-skinned peanuts from nearby farms are roasted in a cast-iron pan, mixed with malt "
                "syrup, sugar and fresh ginger, rolled thin and cut while still warm.\n\n"
                "Tien Yen is an old market town where the roads to Mong Cai, Binh Lieu and Lang Son meet, and "
                "has long been a busy trading place in eastern Quang Ninh."
            ),
            "zh": (
                "先安花生糖作坊是先安市场附近的一户家庭作坊，手工熬制花生糖，供应本地居民和过往旅客。\n\n"
                "选用附近农户种植的红衣小粒花生，在铁锅中炒熟，再与麦芽糖、砂糖和鲜姜混合，趁热压薄切块。\n\n"
                "先安是通往芒街、平辽和谅山的道路交汇处的老集镇，自古就是广宁省东部繁忙的商贸之地。"
            ),
        },
    },
    {
        "slug": "chan-nuoi-phong-du",
        "type": "cooperative",
        "locality": "tien-yen",
        "admin_unit": "Xã Tiên Yên",
        "phone": "0203 3876 725",
        "email": "htxphongdu@example.vn",
        "address": "Khu vực xã Phong Dụ cũ, xã Tiên Yên, Quảng Ninh",
        "name": {"vi": "HTX Chăn nuôi Phong Dụ", "en": "Phong Du Livestock Cooperative", "zh": "丰裕畜牧合作社"},
        "summary": {
            "vi": "Hợp tác xã nuôi thả gà Tiên Yên, giống gà địa phương nổi tiếng của miền đông Quảng Ninh.",
            "en": "A cooperative raising free-range Tien Yen chickens, the well-known local breed of eastern Quang Ninh.",
            "zh": "散养先安鸡（广宁省东部有名的本地鸡种）的合作社。",
        },
        "story": {
            "vi": (
                "HTX Chăn nuôi Phong Dụ ở vùng xã Phong Dụ cũ, nay thuộc xã Tiên Yên, nuôi và cung cấp gà Tiên "
                "Yên, giống gà địa phương nổi tiếng của miền đông Quảng Ninh.\n\n"
                "Gà được thả trong vườn đồi, ăn ngô, thóc và tự kiếm thức ăn, thời gian nuôi dài hơn gà công "
                "nghiệp nhiều tháng. Hợp tác xã thống nhất quy trình chăm sóc giữa các hộ và đưa gà đến cơ sở "
                "giết mổ đủ điều kiện trước khi đóng gói.\n\n"
                "Gà Tiên Yên đầu nhỏ, chân và da vàng, thịt chắc, thường có mặt trên mâm cỗ ngày Tết của người "
                "Quảng Ninh."
            ),
            "en": (
                "Phong Du Livestock Cooperative, in the former Phong Du commune (now part of Tien Yen commune), "
                "raises and supplies Tien Yen chicken, the well-known local breed of eastern Quang Ninh.\n\n"
                "The chickens roam hillside gardens eating maize, paddy rice and whatever they can find, and are "
                "raised several months longer than industrial birds. The cooperative applies one set of rearing "
                "rules across its member households and takes the birds to an approved slaughterhouse before "
                "packing.\n\n"
                "Tien Yen chickens have small heads, yellow legs and skin and firm meat, and are a fixture of the "
                "Tet feast in Quang Ninh homes."
            ),
            "zh": (
                "丰裕畜牧合作社位于原丰裕乡（现属先安乡），饲养并供应先安鸡——广宁省东部有名的本地"
                "鸡种。\n\n"
                "鸡群散养在山坡园地里，吃玉米、稻谷和自己觅得的食物，饲养期比工厂化养殖的鸡长好几个月。"
                "合作社为各社员户统一饲养规程，并将鸡送到合格的屠宰场屠宰后再包装。\n\n"
                "先安鸡头小，脚和皮呈黄色，肉质紧实，是广宁人过年宴席上常见的菜肴。"
            ),
        },
    },
    {
        "slug": "nong-san-dam-ha",
        "type": "cooperative",
        "locality": "dam-ha",
        "admin_unit": "Xã Đầm Hà",
        "phone": "0203 3880 361",
        "email": "nongsandamha@example.vn",
        "address": "Khu vực thị trấn Đầm Hà cũ, xã Đầm Hà, Quảng Ninh",
        "name": {"vi": "HTX Nông sản Đầm Hà", "en": "Dam Ha Farm Produce Cooperative", "zh": "潭河农产品合作社"},
        "summary": {
            "vi": "Hợp tác xã chế biến tàu xì và dưa cải nén từ đậu tương và rau cải trồng ở Đầm Hà.",
            "en": "A cooperative making fermented black beans and pressed pickled greens from soybeans and mustard greens grown in Dam Ha.",
            "zh": "用潭河种植的黄豆和芥菜加工豆豉和压制腌芥菜的合作社。",
        },
        "story": {
            "vi": (
                "HTX Nông sản Đầm Hà tập hợp các hộ trồng đậu tương và rau cải ở Đầm Hà, cùng chế biến tàu xì "
                "và dưa cải nén theo cách làm truyền thống.\n\n"
                "Đậu tương được hấp chín, ủ lên mốc, trộn muối và phơi khô thành tàu xì. Cải bẹ thu hoạch vào "
                "mùa đông được phơi héo, xát muối và nén chặt trong chum cho đến khi chua dịu. Hợp tác xã thống "
                "nhất công thức để các mẻ có chất lượng đồng đều.\n\n"
                "Đầm Hà nằm giữa núi và biển, có những cánh đồng nhỏ ven sông, nơi nhiều dân tộc cùng sinh sống "
                "và giữ những món ăn riêng."
            ),
            "en": (
                "Dam Ha Farm Produce Cooperative brings together households that grow soybeans and mustard "
                "greens in Dam Ha, and processes them into fermented black beans and pressed pickled greens the "
                "traditional way.\n\n"
                "The soybeans are steamed, left to grow a mould, salted and sun-dried to become tau xi. Mustard "
                "greens harvested in winter are wilted, rubbed with salt and pressed tightly into jars until "
                "pleasantly sour. The cooperative uses one recipe for each product so that every batch turns "
                "out the same.\n\n"
                "Dam Ha lies between the mountains and the sea, with small riverside fields where several ethnic "
                "communities live side by side and keep their own dishes."
            ),
            "zh": (
                "潭河农产品合作社联合了潭河种植黄豆和芥菜的农户，按传统方法加工豆豉和压制腌芥菜。\n\n"
                "黄豆蒸熟后发酵长出菌衣，再加盐晒干，制成豆豉。冬季收获的芥菜晾至半干，用盐揉搓后压实在缸"
                "中，直到酸味柔和。合作社统一了配方，使每批产品品质一致。\n\n"
                "潭河位于山海之间，河边有小片农田，多个民族在此共同生活，保留着各自的风味菜肴。"
            ),
        },
    },
    {
        "slug": "nong-nghiep-hoang-que",
        "type": "cooperative",
        "locality": "dong-trieu",
        "admin_unit": "Phường Hoàng Quế",
        "phone": "0203 3871 487",
        "email": "htxhoangque@example.vn",
        "address": "Khu vực phường Yên Đức cũ, phường Hoàng Quế, Quảng Ninh",
        "name": {"vi": "HTX Nông nghiệp Hoàng Quế", "en": "Hoang Que Agricultural Cooperative",
                 "zh": "黄桂农业合作社"},
        "summary": {
            "vi": "Hợp tác xã ở Đông Triều cấy lúa nếp cái hoa vàng và cung cấp dịch vụ làm đất, sấy, xay xát.",
            "en": "A cooperative in Dong Trieu growing 'golden flower' glutinous rice and offering ploughing, drying and milling.",
            "zh": "东潮种植黄花糯稻并提供耕地、烘干和碾米服务的合作社。",
        },
        "story": {
            "vi": (
                "HTX Nông nghiệp Hoàng Quế ở Đông Triều tổ chức cho xã viên cấy lúa nếp cái hoa vàng và làm "
                "dịch vụ làm đất, sấy, xay xát.\n\n"
                "Nếp cái hoa vàng mỗi năm chỉ cấy một vụ, thu hoạch vào mùa thu, năng suất thấp hơn lúa thường "
                "nhưng hạt tròn, dẻo và thơm. Thóc được phơi khô và xay xát vừa phải để giữ hương thơm tự "
                "nhiên.\n\n"
                "Đông Triều là cửa ngõ phía tây của Quảng Ninh, nơi có khu di tích lịch sử nhà Trần."
            ),
            "en": (
                "Hoang Que Agricultural Cooperative in Dong Trieu organises its members to grow 'golden flower' "
                "glutinous rice and offers ploughing, drying and milling services.\n\n"
                "Golden-flower glutinous rice is planted only once a year and harvested in autumn. It yields "
                "less than ordinary rice, but its grains are round, sticky and fragrant. The paddy is sun-dried "
                "and milled lightly to keep its natural fragrance.\n\n"
                "Dong Trieu is the western gateway to Quang Ninh and home to the historic sites of the Tran "
                "dynasty."
            ),
            "zh": (
                "黄桂农业合作社位于东潮，组织社员种植黄花糯稻，并提供耕地、烘干和碾米服务。\n\n"
                "黄花糯稻每年只种一季，秋季收获，产量低于普通水稻，但米粒圆润、软糯、香气浓郁。稻谷晒干后"
                "适度碾磨，以保留天然香气。\n\n"
                "东潮是广宁省的西大门，这里有陈朝历史遗迹区。"
            ),
        },
    },
    {
        "slug": "gio-cha-ka-long",
        "type": "household",
        "locality": "mong-cai",
        "admin_unit": "Phường Móng Cái 2",
        "phone": "0203 3883 562",
        "email": "giochakalong@example.vn",
        "address": "Khu vực Ka Long, phường Móng Cái 2, Quảng Ninh",
        "name": {"vi": "Cơ sở Giò chả Ka Long", "en": "Ka Long Pork Rolls", "zh": "加龙扎肉作坊"},
        "summary": {
            "vi": "Hộ gia đình ở Móng Cái làm giò lụa và chả lợn từ thịt tươi trong ngày.",
            "en": "A family business in Mong Cai making pork rolls from pork bought fresh each day.",
            "zh": "芒街的一户家庭作坊，用当天的新鲜猪肉制作扎肉。",
        },
        "story": {
            "vi": (
                "Cơ sở Giò chả Ka Long là một hộ gia đình ở Móng Cái làm giò lụa và chả lợn để bán cho chợ, nhà "
                "hàng và khách mua làm quà.\n\n"
                "Thịt lợn được lấy từ lò mổ vào rạng sáng, khi còn tươi, rồi giã nhuyễn với nước mắm, gói chặt "
                "trong lá chuối và luộc chín. Gia đình giữ cách làm đơn giản, không dùng hàn the hay phẩm màu.\n\n"
                "Móng Cái là thành phố cửa khẩu bên sông Ka Long, đối diện Đông Hưng (Trung Quốc), nơi hàng hóa "
                "và du khách qua lại hằng ngày."
            ),
            "en": (
                "Ka Long Pork Rolls is a family business in Mong Cai making gio lua (pork roll) and cha (fried "
                "pork roll) for markets, restaurants and people buying gifts.\n\n"
                "The pork comes from the slaughterhouse at dawn while still fresh; it is pounded fine with fish "
                "sauce, wrapped tightly in banana leaves and boiled. The family keeps the recipe simple, with no "
                "borax or colourings.\n\n"
                "Mong Cai is the border city on the Ka Long River, facing Dongxing in China, with goods and "
                "travellers crossing every day."
            ),
            "zh": (
                "加龙扎肉作坊是芒街的一户家庭作坊，为市场、餐馆和买手信的顾客制作扎肉和炸肉饼。\n\n"
                "猪肉在清晨从屠宰场取回，趁新鲜加鱼露捣细，用芭蕉叶紧紧包好后煮熟。这家人坚持简单的做法，"
                "不添加硼砂和色素。\n\n"
                "芒街是北仑河畔的口岸城市，与中国东兴隔河相望，每天都有大量货物和旅客往来。"
            ),
        },
    },
    {
        "slug": "che-duong-hoa",
        "type": "cooperative",
        "locality": "hai-ha",
        "admin_unit": "Xã Đường Hoa",
        "phone": "0203 3879 603",
        "email": "cheduonghoa@example.vn",
        "address": "Khu vực xã Quảng Sơn cũ, xã Đường Hoa, Quảng Ninh",
        "name": {"vi": "HTX Chè Đường Hoa", "en": "Duong Hoa Tea Cooperative", "zh": "塘花茶叶合作社"},
        "summary": {
            "vi": "Hợp tác xã của các hộ trồng chè trên đồi Hải Hà, chế biến chè xanh sao.",
            "en": "A cooperative of tea growers on the hills of Hai Ha, making pan-fired green tea.",
            "zh": "由海河山区茶农组成、加工炒青绿茶的合作社。",
        },
        "story": {
            "vi": (
                "HTX Chè Đường Hoa tập hợp các hộ trồng chè trên vùng đồi của Hải Hà, thu mua búp tươi và chế "
                "biến chè xanh sao.\n\n"
                "Búp chè được hái vào buổi sáng, làm héo, sao trên chảo, vò và sấy ngay trong ngày. Hợp tác xã "
                "hướng dẫn xã viên canh tác an toàn và ghi nhật ký đồng ruộng để truy xuất nguồn gốc từng mẻ "
                "chè.\n\n"
                "Những đồi chè Hải Hà đã có từ nhiều thập kỷ; khí hậu mát và sương sớm giúp búp chè có vị đậm."
            ),
            "en": (
                "Duong Hoa Tea Cooperative brings together tea growers on the hills of Hai Ha, buys their fresh "
                "leaf and makes pan-fired green tea.\n\n"
                "The buds are plucked in the morning, then withered, pan-fired, rolled and dried on the same "
                "day. The cooperative helps members farm safely and keep field records so that each batch can "
                "be traced.\n\n"
                "Hai Ha's tea hills were planted decades ago; the cool climate and morning mist give the leaves "
                "a full flavour."
            ),
            "zh": (
                "塘花茶叶合作社联合了海河丘陵地区的茶农，收购鲜叶并加工成炒青绿茶。\n\n"
                "茶芽在早上采摘，当天完成萎凋、炒青、揉捻和烘干。合作社指导社员安全种植，并记录田间日志，"
                "以便追溯每批茶叶的来源。\n\n"
                "海河的茶山已有几十年的种植历史，凉爽的气候和清晨的薄雾使茶叶滋味浓厚。"
            ),
        },
    },
    {
        "slug": "nong-lam-nghiep-yen-tu",
        "type": "cooperative",
        "locality": "uong-bi",
        "admin_unit": "Phường Yên Tử",
        "phone": "0203 3854 276",
        "email": "htxyentu@example.vn",
        "address": "Khu vực xã Thượng Yên Công cũ, phường Yên Tử, Quảng Ninh",
        "name": {"vi": "HTX Nông lâm nghiệp Yên Tử", "en": "Yen Tu Agroforestry Cooperative",
                 "zh": "安子农林合作社"},
        "summary": {
            "vi": "Hợp tác xã dưới chân núi Yên Tử trồng mơ lông và làm rượu mơ.",
            "en": "A cooperative at the foot of Yen Tu mountain growing downy apricots and making apricot liqueur.",
            "zh": "安子山脚下种植毛梅并酿制梅子酒的合作社。",
        },
        "story": {
            "vi": (
                "HTX Nông lâm nghiệp Yên Tử ở vùng chân núi Yên Tử, Uông Bí, trồng mơ lông và một số cây lâm "
                "sản, làm rượu mơ.\n\n"
                "Mơ lông nở hoa trắng vào khoảng tháng Giêng âm lịch và cho quả vào tháng Tư. Quả được hái khi "
                "vừa chín tới, rửa sạch, để ráo rồi ngâm với đường phèn và rượu gạo trong nhiều tháng.\n\n"
                "Yên Tử là ngọn núi thiêng, nơi vua Trần Nhân Tông tu hành và lập nên Thiền phái Trúc Lâm; mùa "
                "lễ hội mỗi xuân thu hút đông đảo người hành hương."
            ),
            "en": (
                "Yen Tu Agroforestry Cooperative, at the foot of Yen Tu mountain in Uong Bi, grows downy "
                "apricots and other forest crops and makes apricot liqueur.\n\n"
                "The apricot trees flower white around the lunar new year and bear fruit in April. The fruit is "
                "picked just ripe, washed, drained and steeped with rock sugar in rice liquor for several "
                "months.\n\n"
                "Yen Tu is a sacred mountain where King Tran Nhan Tong lived as a monk and founded the Truc Lam "
                "school of Zen; its spring festival draws many pilgrims every year."
            ),
            "zh": (
                "安子农林合作社位于汪秘安子山脚下，种植毛梅和其他林产作物，酿制梅子酒。\n\n"
                "梅树在农历正月前后开白花，四月结果。果实刚成熟时采摘，洗净沥干后，与冰糖一起浸泡在米酒中"
                "数月。\n\n"
                "安子山是一座圣山，陈仁宗皇帝曾在此修行并创立竹林禅派；每年春季的庙会吸引众多朝圣者。"
            ),
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Products
# ---------------------------------------------------------------------------------------------

PRODUCTS = [
    {
        "slug": "ngoc-trai-ha-long",
        "producer": "ngoc-trai-ha-long",
        "group": "IV",
        "name": {"vi": "Ngọc trai Hạ Long", "en": "Ha Long Akoya pearls", "zh": "下龙珍珠"},
        "summary": {
            "vi": "Ngọc trai Akoya nuôi cấy trong vùng vịnh Quảng Ninh, chế tác thành trang sức nhỏ gọn.",
            "en": "Akoya pearls cultured in the bays of Quang Ninh and set as simple jewellery.",
            "zh": "在广宁省海湾养殖的阿古屋珍珠，制成简洁的首饰。",
        },
        "description": {
            "vi": (
                "Mỗi viên ngọc hình thành trong con trai Akoya sau khi được cấy nhân và nuôi dưới bè từ một "
                "đến hai năm. Ngọc được chọn theo độ tròn, độ bóng và màu sắc, rồi gắn lên mặt dây chuyền hoặc "
                "hoa tai bằng bạc. Có hai lựa chọn: hộp một mặt dây chuyền và bộ đôi hoa tai.\n\n"
                "Cất ngọc riêng, tránh va chạm, nước hoa, mỹ phẩm và hóa chất; lau nhẹ bằng khăn mềm sau khi "
                "đeo. Ngọc nuôi cấy là sản phẩm tự nhiên nên mỗi viên có khác biệt nhỏ về kích thước và sắc độ."
            ),
            "en": (
                "Each pearl grows inside an Akoya oyster that has been nucleated and raised below a raft for one "
                "to two years. The pearls are chosen for roundness, lustre and colour and set on silver pendants "
                "or earrings. There are two options: a boxed pendant and a pair of earrings.\n\n"
                "Store pearls on their own, away from knocks, perfume, cosmetics and chemicals, and wipe them "
                "gently with a soft cloth after wearing. Cultured pearls are natural, so each one differs "
                "slightly in size and tone."
            ),
            "zh": (
                "每颗珍珠都在经过植核、吊养在浮排下一到两年的阿古屋珍珠贝中形成。珍珠按圆度、光泽和颜色挑选，"
                "镶嵌在银质吊坠或耳环上。有两种选择：盒装吊坠一件，或耳环一对。\n\n"
                "珍珠应单独存放，避免碰撞，远离香水、化妆品和化学品；佩戴后用软布轻轻擦拭。养殖珍珠是天然"
                "产物，每颗在大小和色泽上都略有不同。"
            ),
        },
        "packagings": [
            {"container": "box", "quantity": 1, "unit": "piece", "price_vnd": 1200000, "stock": 15},
            {"container": "set", "quantity": 2, "unit": "piece", "price_vnd": 2300000, "stock": 10},
        ],
        "color": "#e8e0d0",
        "featured": True,
    },
    {
        "slug": "tra-hoa-vang-quy-hoa",
        "producer": "quy-hoa",
        "group": "I.5",
        "name": {"vi": "Trà hoa vàng Quy Hoa", "en": "Quy Hoa golden camellia tea", "zh": "归华金花茶"},
        "summary": {
            "vi": "Hoa trà hoa vàng trồng ở Hải Hà, sấy khô nguyên bông ở nhiệt độ thấp.",
            "en": "Whole golden camellia flowers grown in Hai Ha and gently dried.",
            "zh": "产自海河的金花茶，整朵低温烘干。",
        },
        "description": {
            "vi": (
                "Trà hoa vàng là loài trà có hoa màu vàng, mọc tự nhiên ở vùng rừng núi đông bắc Việt Nam và "
                "nam Trung Quốc. Hoa được hái khi vừa nở, làm sạch và sấy ở nhiệt độ thấp để giữ màu vàng và "
                "hương thơm nhẹ.\n\n"
                "Cách pha: cho 2–3 bông vào ấm, tráng nhanh bằng nước sôi, rồi hãm với khoảng 300 ml nước "
                "85–90 °C trong 5 phút; có thể pha lại 2–3 lần. Nước trà màu vàng nhạt, vị dịu, hậu ngọt. Bảo "
                "quản nơi khô ráo, đậy kín sau khi mở."
            ),
            "en": (
                "Golden camellia is a camellia with yellow flowers that grows wild in the forests of north-east "
                "Vietnam and southern China. The flowers are picked as they open, cleaned and dried at a low "
                "temperature to keep their golden colour and light fragrance.\n\n"
                "To brew: put 2–3 flowers in a teapot, rinse them quickly with boiling water, then steep in "
                "about 300 ml of water at 85–90 °C for 5 minutes; the flowers can be infused 2–3 more times. "
                "The tea is pale gold, mild and slightly sweet. Keep in a dry place and close tightly after "
                "opening."
            ),
            "zh": (
                "金花茶是开黄色花朵的山茶，野生于越南东北部和中国南部的山林中。花朵在刚开放时采摘，清洗后"
                "低温烘干，以保留金黄的颜色和淡淡的香气。\n\n"
                "冲泡方法：取2–3朵放入茶壶，用沸水快速冲洗一遍，再用约300毫升85–90 °C 的热水焖泡5分钟；"
                "可续泡2–3次。茶汤浅金黄色，口感柔和，回味甘甜。请存放于干燥处，开封后密封保存。"
            ),
        },
        "packagings": [
            {"container": "box", "quantity": 30, "unit": "g", "price_vnd": 320000, "stock": 40},
            {"container": "box", "quantity": 100, "unit": "g", "price_vnd": 980000, "stock": 12},
        ],
        "color": "#d4a017",
        "featured": True,
    },
    {
        "slug": "tra-hoa-vang-ba-che",
        "producer": "lam-san-ngoai-go-dap-thanh",
        "group": "I.5",
        "name": {"vi": "Trà hoa vàng Ba Chẽ", "en": "Ba Che golden camellia tea", "zh": "巴扯金花茶"},
        "summary": {
            "vi": "Hoa trà hoa vàng trồng dưới tán rừng Ba Chẽ, hái vào mùa đông và sấy khô.",
            "en": "Golden camellia flowers grown under the forest canopy of Ba Che, picked in winter and dried.",
            "zh": "巴扯林下种植的金花茶，冬季采摘后烘干。",
        },
        "description": {
            "vi": (
                "Cây trà hoa vàng ưa bóng râm nên được trồng dưới tán rừng ở Ba Chẽ. Hoa nở rộ vào mùa đông; "
                "người trồng hái từng bông, phơi tái rồi sấy khô để hoa giữ được màu vàng.\n\n"
                "Pha 2–3 bông với nước khoảng 90 °C, để 5 phút; nước trà vàng trong, thơm nhẹ. Có thể pha cùng "
                "một lát gừng hoặc chút mật ong. Đậy kín, để nơi khô mát, tránh ánh nắng."
            ),
            "en": (
                "Golden camellia likes shade, so in Ba Che it is grown under the forest canopy. The flowers "
                "bloom in winter; growers pick them one by one, air-dry them briefly and then finish them in a "
                "dryer so they keep their yellow colour.\n\n"
                "Steep 2–3 flowers in water at about 90 °C for 5 minutes for a clear, golden, lightly fragrant "
                "tea. A slice of ginger or a little honey goes well with it. Close tightly and keep somewhere "
                "cool and dry, out of the sun."
            ),
            "zh": (
                "金花茶喜欢荫蔽，因此在巴扯种植于林下。花朵在冬季盛开，种植户逐朵采摘，先稍加晾晒，再烘干，"
                "使其保持金黄的颜色。\n\n"
                "取2–3朵，用约90 °C 的热水焖泡5分钟，茶汤金黄清澈，香气淡雅。也可加一片生姜或少许蜂蜜。请"
                "密封，存放于阴凉干燥处，避免阳光直射。"
            ),
        },
        "packagings": [
            {"container": "box", "quantity": 50, "unit": "g", "price_vnd": 350000, "stock": 40},
            {"container": "bag", "quantity": 100, "unit": "g", "price_vnd": 650000, "stock": 25},
        ],
        "color": "#b8860b",
        "featured": True,
    },
    {
        "slug": "ruou-ba-kich-ba-che",
        "producer": "lam-san-ngoai-go-ba-che",
        "group": "II.1",
        "name": {"vi": "Rượu ba kích Ba Chẽ", "en": "Ba Che Morinda root liquor", "zh": "巴扯巴戟天酒"},
        "summary": {
            "vi": "Rượu gạo ngâm củ ba kích tím Ba Chẽ, có màu đỏ tím tự nhiên.",
            "en": "Rice liquor steeped with purple Morinda roots from Ba Che, naturally red-purple.",
            "zh": "以巴扯紫巴戟天浸泡的米酒，酒色天然紫红。",
        },
        "description": {
            "vi": (
                "Củ ba kích tím được trồng trên đồi rừng Ba Chẽ từ ba năm trở lên mới thu hoạch. Củ được rửa "
                "sạch, rút lõi, phơi khô rồi ngâm trong rượu gạo nhiều tháng cho đến khi rượu chuyển màu đỏ tím "
                "và có vị ngọt nhẹ. Ba kích là vị thuốc quen thuộc trong y học cổ truyền Việt Nam.\n\n"
                "Đồ uống có cồn, chỉ bán cho người từ 18 tuổi trở lên; uống có chừng mực và không lái xe sau khi "
                "uống. Sau khi mở nắp, đậy kín và để nơi thoáng mát."
            ),
            "en": (
                "Purple Morinda is grown on the forested hills of Ba Che for at least three years before it is "
                "harvested. The roots are washed, cored and dried, then steeped in rice liquor for several "
                "months until the liquor turns red-purple and slightly sweet. Morinda root is a familiar "
                "ingredient in traditional Vietnamese medicine.\n\n"
                "This is an alcoholic drink, sold only to buyers aged 18 or over. Please drink in moderation "
                "and never drink and drive. Once opened, close tightly and keep in a cool place."
            ),
            "zh": (
                "紫巴戟天种在巴扯的山林中，至少生长三年才采挖。根部洗净、去芯、晒干后，用米酒浸泡数月，"
                "直到酒色变为紫红、口感微甜。巴戟天是越南传统医学中常用的药材。\n\n"
                "本品为含酒精饮料，仅售予年满18岁的顾客。请适量饮用，酒后请勿驾车。开封后请盖紧，存放于"
                "阴凉处。"
            ),
        },
        "packagings": [
            {"container": "bottle", "quantity": 500, "unit": "ml", "price_vnd": 250000, "stock": 60},
            {"container": "box", "quantity": 750, "unit": "ml", "price_vnd": 420000, "stock": 20},
        ],
        "color": "#6b1f3a",
        "featured": True,
    },
    {
        "slug": "nuoc-khoang-quang-hanh",
        "producer": "nuoc-khoang-quang-hanh",
        "group": "II.2",
        "name": {"vi": "Nước khoáng Quang Hanh", "en": "Quang Hanh mineral water", "zh": "光亨矿泉水"},
        "summary": {
            "vi": "Nước khoáng thiên nhiên từ vùng khoáng nóng Quang Hanh, Cẩm Phả, đóng chai tại nguồn.",
            "en": "Natural mineral water from the Quang Hanh springs in Cam Pha, bottled at source.",
            "zh": "来自锦普光亨温泉区的天然矿泉水，在水源地灌装。",
        },
        "description": {
            "vi": (
                "Vùng Quang Hanh nằm giữa núi đá vôi và biển, nổi tiếng với các nguồn nước khoáng nóng dùng để "
                "tắm và nghỉ dưỡng. Nước khoáng được khai thác từ tầng sâu, lọc và đóng chai theo quy trình "
                "khép kín.\n\n"
                "Uống ngon hơn khi để lạnh. Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp; dùng "
                "hết trong vài ngày sau khi mở nắp."
            ),
            "en": (
                "Quang Hanh, between limestone hills and the sea, is known for hot mineral springs used for "
                "bathing and spa stays. The water is drawn from deep underground, filtered and bottled on a "
                "closed line.\n\n"
                "Best served chilled. Store in a cool, dry place out of direct sunlight, and drink within a few "
                "days of opening."
            ),
            "zh": (
                "光亨地区位于石灰岩山与大海之间，以供泡浴和疗养的温泉而闻名。矿泉水取自地下深层，经"
                "过滤后在封闭生产线上灌装。\n\n"
                "冷藏后饮用口感更佳。请存放于阴凉干燥处，避免阳光直射；开封后请在几天内饮用完毕。"
            ),
        },
        "packagings": [
            {"container": "bottle", "quantity": 500, "unit": "ml", "price_vnd": 8000, "stock": 200},
            {"container": "bottle", "quantity": 1500, "unit": "ml", "price_vnd": 15000, "stock": 150},
            {"container": "pack", "quantity": 24, "unit": "piece", "price_vnd": 165000, "stock": 40},
        ],
        "color": "#4a90c2",
        "featured": False,
    },
    {
        "slug": "trung-vit-bien-dong-rui",
        "producer": "dong-tien",
        "group": "I.1",
        "name": {"vi": "Trứng vịt biển Đồng Rui", "en": "Dong Rui sea duck eggs", "zh": "同瑞海鸭蛋"},
        "summary": {
            "vi": "Trứng của đàn vịt thả trên bãi triều và rừng ngập mặn Đồng Rui, lòng đỏ to, màu đậm.",
            "en": "Eggs from ducks that forage on the tidal flats and mangroves of Dong Rui, with large, deep-coloured yolks.",
            "zh": "鸭群在同瑞滩涂和红树林中觅食，所产鸭蛋蛋黄大、颜色深。",
        },
        "description": {
            "vi": (
                "Đàn vịt được thả ra bãi triều khi nước rút, tự kiếm tôm, cua, ốc nhỏ trong rừng ngập mặn rồi "
                "về chuồng vào buổi tối. Nhờ nguồn thức ăn tự nhiên này, trứng có lòng đỏ to, màu đỏ cam và vị "
                "béo. Trứng được nhặt hằng ngày, làm sạch và phân loại trước khi đóng khay.\n\n"
                "Dùng để luộc, rán, làm trứng muối hoặc làm bánh. Bảo quản nơi thoáng mát hoặc trong ngăn mát "
                "tủ lạnh và dùng trong khoảng hai tuần."
            ),
            "en": (
                "The ducks are let out onto the tidal flats at low tide to find small shrimp, crabs and snails "
                "among the mangroves, and come back to their pens in the evening. This natural diet gives the "
                "eggs large, orange-red yolks and a rich taste. The eggs are collected daily, cleaned and graded "
                "before packing.\n\n"
                "Boil, fry, salt or bake with them. Keep in a cool place or in the fridge and use within about "
                "two weeks."
            ),
            "zh": (
                "退潮时，鸭群被放到滩涂上，在红树林中觅食小虾、小蟹和小螺，傍晚回到鸭舍。得益于这种天然"
                "食物，鸭蛋蛋黄大、呈橙红色，味道香浓。鸭蛋每天收集，清洗分级后装盘。\n\n"
                "可水煮、煎炒、腌制咸蛋或用于烘焙。请存放于阴凉处或冰箱冷藏，约两周内食用。"
            ),
        },
        "packagings": [
            {"container": "tray", "quantity": 10, "unit": "piece", "price_vnd": 55000, "stock": 80},
            {"container": "box", "quantity": 30, "unit": "piece", "price_vnd": 160000, "stock": 30},
        ],
        "color": "#c9d6c0",
        "featured": False,
    },
    {
        "slug": "muc-ong-co-to-kho",
        "producer": "cau-muc-co-to",
        "group": "I.3",
        "name": {"vi": "Mực ống Cô Tô khô", "en": "Co To dried squid", "zh": "姑苏岛鱿鱼干"},
        "summary": {
            "vi": "Mực ống câu đêm ở vùng biển Cô Tô, phơi khô bằng nắng và gió biển.",
            "en": "Squid caught by hand line at night off the Co To islands and dried in the sun and sea wind.",
            "zh": "在姑苏岛海域夜间手钓的鱿鱼，经阳光和海风晒干。",
        },
        "description": {
            "vi": (
                "Ngư dân Cô Tô ra khơi ban đêm, dùng đèn và câu tay để bắt mực ống, nên con mực còn nguyên vẹn, "
                "thịt dày. Mực được mổ, làm sạch ngay khi cập bến rồi phơi trên giàn hai đến ba nắng.\n\n"
                "Nướng trên than hoặc bếp điện đến khi dậy mùi, xé nhỏ, chấm tương ớt; cũng có thể ngâm mềm để "
                "xào. Bảo quản kín trong ngăn mát hoặc ngăn đá để giữ hương vị."
            ),
            "en": (
                "Co To fishers go out at night and catch squid by hand line under lights, so each squid stays "
                "whole and thick-fleshed. The squid are split and cleaned as soon as they land, then dried on "
                "racks for two to three days of sunshine.\n\n"
                "Grill over charcoal or on an electric grill until fragrant, tear into strips and dip in chilli "
                "sauce; or soak until soft and stir-fry. Keep sealed in the fridge or freezer to preserve the "
                "flavour."
            ),
            "zh": (
                "姑苏岛渔民夜间出海，在灯光下用手钓捕捉鱿鱼，因此鱿鱼完整、肉厚。鱿鱼上岸后立即剖开洗净，"
                "在架子上晾晒两到三个晴天。\n\n"
                "用炭火或电烤炉烤至香气四溢，撕成条蘸辣椒酱食用；也可泡软后炒菜。请密封冷藏或冷冻，以保持"
                "风味。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 250, "unit": "g", "price_vnd": 480000, "stock": 35},
            {"container": "bag", "quantity": 500, "unit": "g", "price_vnd": 950000, "stock": 20},
        ],
        "color": "#c98a4b",
        "featured": True,
    },
    {
        "slug": "nuoc-mam-sa-sung-van-don",
        "producer": "hai-san-quan-lan",
        "group": "I.4",
        "name": {"vi": "Nước mắm sá sùng Vân Đồn", "en": "Van Don peanut worm fish sauce", "zh": "云屯沙虫鱼露"},
        "summary": {
            "vi": "Nước mắm cá cơm ủ chượp truyền thống, ngâm cùng sá sùng khô của vùng biển Vân Đồn.",
            "en": "Traditionally fermented anchovy fish sauce, steeped with dried peanut worms from the Van Don sea.",
            "zh": "传统发酵的鳀鱼鱼露，加入云屯海域的沙虫干浸泡。",
        },
        "description": {
            "vi": (
                "Cá cơm tươi được trộn muối và ủ trong thùng gỗ nhiều tháng. Nước mắm cốt sau khi rút được ngâm "
                "cùng sá sùng khô đã nướng thơm, cho vị ngọt hậu và mùi thơm đặc trưng. Sá sùng là loài sống "
                "vùi trong bãi cát ven biển, một đặc sản quý của Vân Đồn.\n\n"
                "Dùng làm nước chấm hoặc nêm món ăn. Đậy kín nắp sau khi dùng, để nơi thoáng mát, tránh ánh "
                "nắng. Nước mắm truyền thống có thể kết tinh muối ở đáy chai; đây là hiện tượng tự nhiên."
            ),
            "en": (
                "Fresh anchovies are mixed with salt and fermented in wooden vats for many months. The first "
                "pressing is then steeped with roasted dried peanut worms, which give it a sweet finish and a "
                "distinctive aroma. Peanut worms live buried in the sand along the shore and are a prized "
                "speciality of Van Don.\n\n"
                "Use as a dipping sauce or to season cooking. Close the cap after use and keep in a cool place "
                "out of the sun. Salt crystals may form at the bottom of the bottle; this is natural in "
                "traditional fish sauce."
            ),
            "zh": (
                "新鲜鳀鱼拌盐后在木桶中发酵数月。取出的头道鱼露再与烤香的沙虫干一起浸泡，使其回味鲜甜，"
                "香气独特。沙虫生活在海边沙滩中，是云屯的名贵特产。\n\n"
                "可作蘸料或用于烹调调味。用后请盖紧瓶盖，存放于阴凉处，避免阳光直射。传统鱼露瓶底可能出现"
                "盐结晶，属正常现象。"
            ),
        },
        "packagings": [
            {"container": "bottle", "quantity": 250, "unit": "ml", "price_vnd": 160000, "stock": 50},
            {"container": "bottle", "quantity": 500, "unit": "ml", "price_vnd": 290000, "stock": 30},
        ],
        "color": "#8b5a2b",
        "featured": True,
    },
    {
        "slug": "mien-dong-binh-lieu",
        "producer": "dinh-trung",
        "group": "I.3",
        "name": {"vi": "Miến dong Bình Liêu", "en": "Binh Lieu canna glass noodles", "zh": "平辽蕉芋粉丝"},
        "summary": {
            "vi": "Miến làm từ tinh bột củ dong riềng trồng trên đồi Bình Liêu, phơi nắng tự nhiên.",
            "en": "Glass noodles made from the starch of canna grown on the hills of Binh Lieu, dried in the sun.",
            "zh": "用平辽山坡种植的蕉芋淀粉制成，自然晒干。",
        },
        "description": {
            "vi": (
                "Củ dong riềng thu hoạch vào cuối năm được nghiền, lọc lấy tinh bột rồi tráng thành bánh, thái "
                "sợi và phơi trên giàn tre trong những ngày hanh khô của mùa đông. Sợi miến màu nâu trong, dai "
                "và không bị nát khi nấu.\n\n"
                "Ngâm miến trong nước lạnh 5–10 phút trước khi nấu; dùng cho miến gà, miến xào, lẩu hoặc nem "
                "rán. Bảo quản nơi khô ráo, buộc kín túi sau khi mở."
            ),
            "en": (
                "Canna tubers harvested at the end of the year are ground and their starch is washed out, spread "
                "into sheets, cut into strands and dried on bamboo racks in the dry days of winter. The noodles "
                "are translucent brown, springy, and hold together when cooked.\n\n"
                "Soak in cold water for 5–10 minutes before cooking; use in chicken noodle soup, stir-fries, hot "
                "pot or spring rolls. Keep in a dry place and close the bag tightly after opening."
            ),
            "zh": (
                "年底收获的蕉芋块根磨碎后滤取淀粉，摊成薄片，切成粉丝，在冬季干燥的日子里晾在竹架上晒干。"
                "粉丝呈半透明的褐色，筋道，久煮不烂。\n\n"
                "烹调前用冷水浸泡5–10分钟；适合做鸡肉粉丝汤、炒粉丝、火锅或炸春卷。请存放于干燥处，开封后"
                "扎紧袋口。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 500, "unit": "g", "price_vnd": 50000, "stock": 120},
            {"container": "bag", "quantity": 1, "unit": "kg", "price_vnd": 95000, "stock": 70},
        ],
        "color": "#9c7a54",
        "featured": True,
    },
    {
        "slug": "cha-muc-ha-long",
        "producer": "cha-muc-hon-gai",
        "group": "I.3",
        "name": {"vi": "Chả mực Hạ Long", "en": "Ha Long squid cakes", "zh": "下龙墨鱼饼"},
        "summary": {
            "vi": "Chả mực giã tay từ mực tươi đánh bắt ở vịnh Bắc Bộ, rán vàng.",
            "en": "Hand-pounded squid cakes made from fresh Gulf of Tonkin squid, fried golden.",
            "zh": "以北部湾新鲜墨鱼手工捣制、煎炸至金黄的墨鱼饼。",
        },
        "description": {
            "vi": (
                "Mực mua từ tàu cá vào sáng sớm, làm sạch rồi giã bằng cối đá cho đến khi quết dẻo mà vẫn còn "
                "những miếng mực nhỏ. Chả được nêm hạt tiêu, một chút nước mắm, nặn tay thành từng miếng rồi "
                "rán vàng. Giã tay giúp chả dai, giòn sần sật, khác với chả xay bằng máy.\n\n"
                "Chả được đóng túi hút chân không và bảo quản đông lạnh ở −18 °C. Rã đông trong ngăn mát, rán "
                "lại trên lửa vừa hoặc dùng nồi chiên không dầu; ăn với xôi, bánh cuốn hoặc cơm. Sau khi rã "
                "đông nên dùng trong ngày."
            ),
            "en": (
                "The squid is bought from the boats early in the morning, cleaned and pounded in a stone mortar "
                "into a sticky paste that still holds small pieces of squid. It is seasoned with pepper and a "
                "little fish sauce, shaped by hand and fried golden. Hand-pounding gives the cakes their firm, "
                "bouncy, slightly crunchy bite, unlike machine-minced ones.\n\n"
                "The cakes are vacuum-packed and kept frozen at −18 °C. Thaw in the fridge, then re-fry over "
                "medium heat or warm in an air fryer; eat with sticky rice, steamed rice rolls or plain rice. "
                "Once thawed, eat the same day."
            ),
            "zh": (
                "清晨从渔船买来墨鱼，洗净后在石臼中捣成有黏性的鱼浆，同时保留小块墨鱼肉。加入胡椒和少许"
                "鱼露调味，用手捏成饼，煎炸至金黄。手工捣制使墨鱼饼弹牙爽脆，与机器绞制的口感不同。\n\n"
                "产品真空包装，在−18 °C 冷冻保存。请在冷藏室解冻，再用中火回炸或用空气炸锅加热；可配糯米饭、"
                "越南卷粉或米饭食用。解冻后请当天食用。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 500, "unit": "g", "price_vnd": 200000, "stock": 80},
            {"container": "bag", "quantity": 1, "unit": "kg", "price_vnd": 390000, "stock": 0},
        ],
        "color": "#e0a84f",
        "featured": True,
    },
    {
        "slug": "ruoc-hau-van-don",
        "producer": "hai-vi-bai-tu-long",
        "group": "I.3",
        "name": {"vi": "Ruốc hàu Vân Đồn", "en": "Van Don oyster floss", "zh": "云屯蚝肉松"},
        "summary": {
            "vi": "Ruốc làm từ hàu nuôi ở vịnh Bái Tử Long, sao khô tơi xốp.",
            "en": "Floss made from oysters farmed in Bai Tu Long Bay, dry-roasted until light and fluffy.",
            "zh": "以拜子龙湾养殖生蚝制成，炒至干爽蓬松。",
        },
        "description": {
            "vi": (
                "Hàu tươi được tách vỏ, hấp chín, ép ráo rồi nêm gia vị và sao nhỏ lửa nhiều giờ đến khi khô, "
                "tơi thành sợi. Ruốc có vị ngọt của hàu và mùi thơm của biển.\n\n"
                "Ăn kèm cơm trắng, cháo, xôi hoặc bánh mì. Sau khi mở, đậy kín nắp, để nơi khô mát và dùng "
                "trong một tháng; không dùng thìa ướt để lấy ruốc."
            ),
            "en": (
                "Fresh oysters are shucked, steamed, pressed dry, seasoned and then roasted over a low flame for "
                "hours until they break into dry, fluffy threads. The floss has the sweetness of oyster and a "
                "gentle taste of the sea.\n\n"
                "Eat with plain rice, rice porridge, sticky rice or bread. After opening, close the lid tightly, "
                "keep somewhere cool and dry, and finish within a month; always use a dry spoon."
            ),
            "zh": (
                "新鲜生蚝去壳、蒸熟、压干水分后调味，用小火慢炒数小时，直到干爽蓬松成丝。肉松带有生蚝的"
                "鲜甜和大海的香气。\n\n"
                "可配米饭、白粥、糯米饭或面包食用。开封后请盖紧瓶盖，存放于阴凉干燥处，一个月内食用完毕；"
                "取用时请使用干燥的勺子。"
            ),
        },
        "packagings": [
            {"container": "jar", "quantity": 100, "unit": "g", "price_vnd": 80000, "stock": 45},
            {"container": "jar", "quantity": 200, "unit": "g", "price_vnd": 150000, "stock": 60},
        ],
        "color": "#b59a6d",
        "featured": False,
    },
    {
        "slug": "ruoc-co-trai-van-don",
        "producer": "hai-vi-bai-tu-long",
        "group": "I.3",
        "name": {"vi": "Ruốc cơ trai Vân Đồn", "en": "Van Don mussel floss", "zh": "云屯贝肉松"},
        "summary": {
            "vi": "Ruốc làm từ thịt trai biển Vân Đồn, vị ngọt đậm.",
            "en": "Floss made from the meat of Van Don sea mussels, with a rich, sweet taste.",
            "zh": "以云屯海贝肉制成的肉松，味道鲜甜浓郁。",
        },
        "description": {
            "vi": (
                "Thịt trai được làm sạch, luộc chín, ép bớt nước rồi giã tơi và sao nhỏ lửa cùng gia vị đến khi "
                "khô. Dùng ăn kèm cơm, cháo hoặc rắc lên xôi.\n\n"
                "Đậy kín sau khi mở, để nơi khô mát và dùng trong một tháng."
            ),
            "en": (
                "The mussel meat is cleaned, boiled, pressed, pounded loose and roasted over a low flame with "
                "seasoning until dry. Eat it with rice or porridge, or sprinkle it over sticky rice.\n\n"
                "Close tightly after opening, keep somewhere cool and dry, and finish within a month."
            ),
            "zh": (
                "贝肉洗净煮熟，压去水分后捣松，加入调料用小火炒干。可配米饭、白粥食用，或撒在糯米饭上。\n\n"
                "开封后请密封，存放于阴凉干燥处，一个月内食用完毕。"
            ),
        },
        "packagings": [
            {"container": "jar", "quantity": 200, "unit": "g", "price_vnd": 120000, "stock": 25},
        ],
        "color": "#a67c52",
        "featured": False,
    },
    {
        "slug": "nem-chua-quang-yen",
        "producer": "nem-chua-yen-giang",
        "group": "I.3",
        "name": {"vi": "Nem chua Quảng Yên", "en": "Quang Yen fermented pork rolls", "zh": "广安酸肉"},
        "summary": {
            "vi": "Nem chua làm từ thịt lợn nạc và bì, gói lá và lên men tự nhiên.",
            "en": "Lean pork and pork skin, wrapped in leaves and naturally fermented.",
            "zh": "以瘦猪肉和猪皮制成、用叶子包裹自然发酵的酸肉。",
        },
        "description": {
            "vi": (
                "Thịt lợn nạc tươi được giã nhuyễn, trộn bì lợn thái sợi, tỏi, ớt, hạt tiêu, rồi gói trong lá và "
                "để lên men tự nhiên hai đến ba ngày cho đến khi có vị chua dịu.\n\n"
                "Nem ăn ngay không cần nấu, chấm tương ớt, kèm tỏi và lá sung hoặc lá đinh lăng. Bảo quản trong "
                "ngăn mát tủ lạnh và dùng trong 5–7 ngày. Đây là thịt lên men, không qua nấu chín: phụ nữ mang "
                "thai, trẻ nhỏ và người có sức đề kháng yếu nên cân nhắc."
            ),
            "en": (
                "Fresh lean pork is pounded fine and mixed with thin strips of pork skin, garlic, chilli and "
                "pepper, then wrapped in leaves and left to ferment naturally for two to three days until "
                "pleasantly sour.\n\n"
                "Eat as it is, without cooking, with chilli sauce, a slice of garlic and a fig or polyscias leaf. "
                "Keep in the fridge and eat within 5–7 days. This is fermented, uncooked meat: pregnant women, "
                "young children and people with weak immunity should think twice."
            ),
            "zh": (
                "新鲜瘦猪肉捣细，拌入切丝的猪皮、大蒜、辣椒和胡椒，用叶子包好，自然发酵两到三天，直到带有"
                "柔和的酸味。\n\n"
                "无需烹煮即可食用，蘸辣椒酱，配蒜片和无花果叶或南洋参叶。请冷藏保存，5–7天内食用。本品为"
                "未经煮熟的发酵肉制品，孕妇、幼儿和免疫力较弱者请慎食。"
            ),
        },
        "packagings": [
            {"container": "pack", "quantity": 10, "unit": "piece", "price_vnd": 45000, "stock": 40},
            {"container": "pack", "quantity": 20, "unit": "piece", "price_vnd": 85000, "stock": 20},
        ],
        "color": "#d46a6a",
        "featured": False,
    },
    {
        "slug": "keo-lac-hong-tien-yen",
        "producer": "keo-lac-tien-yen",
        "group": "I.3",
        "name": {"vi": "Kẹo lạc hồng Tiên Yên", "en": "Tien Yen red peanut candy", "zh": "先安红衣花生糖"},
        "summary": {
            "vi": "Kẹo lạc làm từ lạc vỏ lụa đỏ trồng ở Tiên Yên, mạch nha và gừng.",
            "en": "Peanut candy made from Tien Yen's red-skinned peanuts, malt syrup and ginger.",
            "zh": "以先安红衣花生、麦芽糖和生姜制成的花生糖。",
        },
        "description": {
            "vi": (
                "Lạc hạt nhỏ, vỏ lụa đỏ được rang chín trên chảo gang, sau đó trộn với mạch nha và đường nấu "
                "cùng gừng tươi, cán mỏng và cắt miếng khi còn ấm. Kẹo giòn, thơm, ngọt vừa.\n\n"
                "Để nơi khô ráo; sau khi mở túi nên buộc kín hoặc cho vào hộp để kẹo không bị mềm. Sản phẩm có "
                "chứa lạc (đậu phộng): người dị ứng không dùng."
            ),
            "en": (
                "Small red-skinned peanuts are roasted in a cast-iron pan, then mixed with malt syrup and sugar "
                "cooked with fresh ginger, rolled thin and cut while still warm. The candy is crunchy, fragrant "
                "and not too sweet.\n\n"
                "Keep in a dry place; after opening, seal the bag or move the candy to a tin so it stays crisp. "
                "Contains peanuts: not suitable for people with a peanut allergy."
            ),
            "zh": (
                "红衣小粒花生在铁锅中炒熟，再与加入鲜姜熬制的麦芽糖和砂糖混合，趁热压薄切块。口感香脆，"
                "甜度适中。\n\n"
                "请存放于干燥处；开封后请扎紧袋口或装入盒中，以免受潮变软。本品含花生，花生过敏者请勿食用。"
            ),
        },
        "packagings": [
            {"container": "box", "quantity": 300, "unit": "g", "price_vnd": 45000, "stock": 90},
            {"container": "bag", "quantity": 500, "unit": "g", "price_vnd": 70000, "stock": 60},
        ],
        "color": "#c0504d",
        "featured": False,
    },
    {
        "slug": "ga-tien-yen",
        "producer": "chan-nuoi-phong-du",
        "group": "I.1",
        "name": {"vi": "Gà Tiên Yên", "en": "Tien Yen chicken", "zh": "先安鸡"},
        "summary": {
            "vi": "Gà giống địa phương Tiên Yên nuôi thả vườn, làm sạch và đóng gói lạnh.",
            "en": "Tien Yen's local breed of free-range chicken, cleaned and chilled.",
            "zh": "先安本地品种散养鸡，宰杀清洗后冷藏包装。",
        },
        "description": {
            "vi": (
                "Gà Tiên Yên là giống gà địa phương, đầu nhỏ, chân và da vàng, thịt săn chắc. Gà được nuôi thả "
                "trong vườn đồi từ năm tháng trở lên, ăn ngô, thóc và thức ăn tự kiếm, rồi được giết mổ tại cơ "
                "sở đủ điều kiện, làm sạch và đóng túi. Mỗi túi là một con gà nguyên con khoảng 1,5 kg.\n\n"
                "Thích hợp để luộc, hấp lá chanh hoặc nấu canh. Bảo quản ở 0–4 °C và nấu trong hai ngày, hoặc "
                "cấp đông nếu cần để lâu hơn."
            ),
            "en": (
                "Tien Yen chicken is a local breed with a small head, yellow legs and skin and firm meat. The "
                "birds range freely in hillside gardens for five months or more, eating maize, paddy rice and "
                "what they forage, and are slaughtered at an approved facility, cleaned and bagged. Each bag "
                "holds one whole chicken of about 1.5 kg.\n\n"
                "Best boiled, steamed with lime leaves or cooked in soup. Keep at 0–4 °C and cook within two "
                "days, or freeze for longer storage."
            ),
            "zh": (
                "先安鸡是本地鸡种，头小，脚和皮呈黄色，肉质紧实。鸡在山坡园地散养五个月以上，吃玉米、稻谷"
                "和自己觅得的食物，在合格的屠宰场宰杀、清洗后装袋。每袋为一只约1.5公斤的整鸡。\n\n"
                "适合白切、柠檬叶清蒸或煲汤。请在0–4 °C 冷藏并在两天内烹调，如需久存请冷冻。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 1500, "unit": "g", "price_vnd": 420000, "stock": 12},
        ],
        "color": "#d9a441",
        "featured": False,
    },
    {
        "slug": "tau-xi-dam-ha",
        "producer": "nong-san-dam-ha",
        "group": "I.4",
        "name": {"vi": "Tàu xì Đầm Hà", "en": "Dam Ha fermented black beans", "zh": "潭河豆豉"},
        "summary": {
            "vi": "Đậu tương lên men, phơi khô, vị mặn thơm, dùng để nêm món hấp, xào và kho.",
            "en": "Fermented, dried soybeans with a deep savoury aroma, for steaming, stir-frying and braising.",
            "zh": "发酵晒干的黄豆，咸香浓郁，适合蒸、炒和焖煮菜肴。",
        },
        "description": {
            "vi": (
                "Đậu tương được ngâm, hấp chín, ủ cho lên mốc, rồi rửa qua, trộn muối và ủ tiếp trong chum trước "
                "khi phơi khô. Hạt tàu xì chuyển màu nâu đen, mềm và có mùi thơm đặc trưng.\n\n"
                "Rửa nhanh, đập dập vài hạt rồi phi cùng tỏi để hấp cá, hấp sườn, xào rau hoặc kho thịt. Chỉ "
                "cần dùng lượng nhỏ vì vị khá mặn. Đậy kín, để nơi khô mát."
            ),
            "en": (
                "Soybeans are soaked, steamed and left to grow a mould, then rinsed, salted and fermented again "
                "in jars before being sun-dried. The beans turn blackish-brown and soft, with a distinctive "
                "aroma.\n\n"
                "Rinse briefly, crush a few beans and fry them with garlic to steam fish or spare ribs, stir-fry "
                "greens or braise meat. A small amount is enough, as the beans are quite salty. Close tightly "
                "and keep in a cool, dry place."
            ),
            "zh": (
                "黄豆经浸泡、蒸熟后发酵长出菌衣，再冲洗、加盐，放入缸中继续发酵，最后晒干。豆豉呈黑褐色，"
                "质地柔软，香气独特。\n\n"
                "稍加冲洗，拍碎几粒，与蒜一起爆香，可用于蒸鱼、蒸排骨、炒青菜或焖肉。豆豉较咸，少量即可。"
                "请密封，存放于阴凉干燥处。"
            ),
        },
        "packagings": [
            {"container": "jar", "quantity": 300, "unit": "g", "price_vnd": 45000, "stock": 50},
        ],
        "color": "#3b2f2f",
        "featured": False,
    },
    {
        "slug": "dua-cai-nen-dam-ha",
        "producer": "nong-san-dam-ha",
        "group": "I.3",
        "name": {"vi": "Dưa cải nén Đầm Hà", "en": "Dam Ha pressed pickled mustard greens", "zh": "潭河压制腌芥菜"},
        "summary": {
            "vi": "Cải bẹ trồng ở Đầm Hà, muối và nén chặt theo cách truyền thống.",
            "en": "Mustard greens grown in Dam Ha, salted and pressed the traditional way.",
            "zh": "潭河种植的芥菜，按传统方法腌制压实。",
        },
        "description": {
            "vi": (
                "Cải bẹ thu hái vào mùa đông được phơi héo, xát muối rồi xếp chặt vào chum, nén đá cho đến khi "
                "lên men chua dịu và chuyển màu vàng. Dưa giòn, thơm và không dùng phẩm màu.\n\n"
                "Rửa qua nước, vắt ráo rồi xào với thịt bò, nấu canh cá hoặc om với thịt ba chỉ. Bảo quản trong "
                "ngăn mát và dùng trong một tháng sau khi mở."
            ),
            "en": (
                "Mustard greens picked in winter are wilted in the sun, rubbed with salt, packed tightly into "
                "jars and weighted with stones until they ferment to a mild sourness and turn golden. The "
                "pickle is crunchy and fragrant, with no added colouring.\n\n"
                "Rinse, squeeze dry and stir-fry with beef, cook into a fish soup or braise with pork belly. "
                "Keep in the fridge and use within a month of opening."
            ),
            "zh": (
                "冬季采收的芥菜晒至半干，用盐揉搓后紧紧码入缸中，压上石头，直到发酵出柔和的酸味并变成"
                "金黄色。口感爽脆，香气浓郁，不添加色素。\n\n"
                "用清水冲洗、挤干后，可炒牛肉、煮鱼汤或与五花肉同焖。请冷藏保存，开封后一个月内食用。"
            ),
        },
        "packagings": [
            {"container": "jar", "quantity": 500, "unit": "g", "price_vnd": 40000, "stock": 45},
            {"container": "bag", "quantity": 1, "unit": "kg", "price_vnd": 65000, "stock": 30},
        ],
        "color": "#a3a84a",
        "featured": False,
    },
    {
        "slug": "nep-cai-hoa-vang-dong-trieu",
        "producer": "nong-nghiep-hoang-que",
        "group": "I.2",
        "name": {"vi": "Nếp cái hoa vàng Đông Triều", "en": "Dong Trieu golden-flower sticky rice",
                 "zh": "东潮黄花糯米"},
        "summary": {
            "vi": "Gạo nếp cái hoa vàng hạt tròn, dẻo thơm, trồng trên cánh đồng Đông Triều.",
            "en": "Round-grained, fragrant 'golden flower' glutinous rice from the fields of Dong Trieu.",
            "zh": "东潮田野种植的黄花糯米，米粒圆润，软糯清香。",
        },
        "description": {
            "vi": (
                "Nếp cái hoa vàng là giống lúa nếp cổ truyền của đồng bằng Bắc Bộ, mỗi năm chỉ cấy một vụ và "
                "cho năng suất thấp. Thóc được phơi khô, xay xát vừa đủ để giữ hương thơm.\n\n"
                "Dùng đồ xôi, gói bánh chưng, làm bánh giầy hoặc nấu rượu nếp. Nên ngâm gạo 4–6 tiếng trước khi "
                "đồ xôi. Bảo quản nơi khô ráo, tránh ẩm và côn trùng."
            ),
            "en": (
                "'Golden flower' glutinous rice is a traditional variety of the northern Vietnamese delta, "
                "planted only once a year and low in yield. The paddy is sun-dried and milled just enough to "
                "keep its fragrance.\n\n"
                "Use it for steamed sticky rice, banh chung (the square Tet rice cake), banh giay or homemade "
                "rice wine. Soak for 4–6 hours before steaming. Keep dry, away from damp and insects."
            ),
            "zh": (
                "黄花糯是越南北部平原的传统糯稻品种，每年只种一季，产量较低。稻谷晒干后适度碾磨，以保留"
                "香气。\n\n"
                "可用于蒸糯米饭、包越南粽子（方形的春节粽）、做糯米糍或酿糯米酒。蒸饭前请浸泡4–6小时。"
                "请存放于干燥处，防潮防虫。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 2, "unit": "kg", "price_vnd": 90000, "stock": 100},
            {"container": "bag", "quantity": 5, "unit": "kg", "price_vnd": 215000, "stock": 40},
        ],
        "color": "#efe6c8",
        "featured": False,
    },
    {
        "slug": "gio-cha-lon-mong-cai",
        "producer": "gio-cha-ka-long",
        "group": "I.3",
        "name": {"vi": "Giò chả lợn Móng Cái", "en": "Mong Cai pork rolls", "zh": "芒街猪肉扎肉"},
        "summary": {
            "vi": "Giò lụa làm từ thịt lợn tươi giã nhuyễn với nước mắm, gói lá chuối và luộc chín.",
            "en": "Vietnamese pork roll: fresh pork pounded with fish sauce, wrapped in banana leaves and boiled.",
            "zh": "以新鲜猪肉加鱼露捣制、用芭蕉叶包裹煮熟的越南扎肉。",
        },
        "description": {
            "vi": (
                "Thịt lợn nạc được chọn khi còn tươi, giã nhuyễn cùng nước mắm, gói chặt trong lá chuối và luộc "
                "chín. Giò có màu hồng nhạt, mặt cắt mịn, vị ngọt của thịt và thơm mùi lá chuối.\n\n"
                "Ăn kèm bánh cuốn, xôi, bánh mì hoặc trong mâm cơm ngày Tết. Bảo quản ở ngăn mát và dùng trong "
                "5 ngày; muốn để lâu hơn thì cấp đông."
            ),
            "en": (
                "Lean pork is chosen while still fresh, pounded fine with fish sauce, wrapped tightly in banana "
                "leaves and boiled. The roll is pale pink with a smooth cut face, the sweetness of good pork and "
                "the scent of banana leaf.\n\n"
                "Serve with steamed rice rolls, sticky rice, in a banh mi or as part of a Tet meal. Keep in the "
                "fridge and eat within 5 days, or freeze for longer."
            ),
            "zh": (
                "选用新鲜瘦猪肉，加鱼露捣细，用芭蕉叶紧紧包好后煮熟。扎肉呈淡粉色，切面细腻，带有猪肉的"
                "鲜甜和芭蕉叶的清香。\n\n"
                "可配越南卷粉、糯米饭、越南法棍面包，或作为春节饭菜。请冷藏保存，5天内食用；如需久存请冷冻。"
            ),
        },
        "packagings": [
            {"container": "piece", "quantity": 500, "unit": "g", "price_vnd": 120000, "stock": 30},
            {"container": "piece", "quantity": 1, "unit": "kg", "price_vnd": 235000, "stock": 15},
        ],
        "color": "#e6b8b0",
        "featured": False,
    },
    {
        "slug": "che-hai-ha",
        "producer": "che-duong-hoa",
        "group": "I.5",
        "name": {"vi": "Chè Hải Hà", "en": "Hai Ha green tea", "zh": "海河绿茶"},
        "summary": {
            "vi": "Chè xanh sao từ vùng đồi chè Hải Hà, nước xanh vàng, vị chát dịu.",
            "en": "Pan-fired green tea from the tea hills of Hai Ha, with a green-gold liquor and gentle astringency.",
            "zh": "产自海河茶山的炒青绿茶，汤色黄绿，涩味柔和。",
        },
        "description": {
            "vi": (
                "Búp chè một tôm hai lá được hái vào buổi sáng, làm héo, sao trên chảo, vò và sấy khô ngay trong "
                "ngày để giữ màu xanh và hương cốm.\n\n"
                "Pha 5–7 g chè với khoảng 200 ml nước 85–90 °C: tráng nhanh lần đầu rồi hãm 2–3 phút. Đậy kín, "
                "để nơi khô mát, tránh ánh sáng và mùi lạ."
            ),
            "en": (
                "A bud and two leaves are plucked in the morning, withered, pan-fired, rolled and dried the same "
                "day to keep their green colour and toasty, young-rice aroma.\n\n"
                "Brew 5–7 g of tea with about 200 ml of water at 85–90 °C: rinse the leaves quickly first, then "
                "steep for 2–3 minutes. Close tightly and keep somewhere cool and dry, away from light and "
                "strong smells."
            ),
            "zh": (
                "一芽两叶在早上采摘，当天完成萎凋、炒青、揉捻和烘干，以保留翠绿的色泽和清新的米香。\n\n"
                "取5–7克茶叶，用约200毫升85–90 °C 的热水冲泡：先快速洗茶一遍，再焖泡2–3分钟。请密封，存放"
                "于阴凉干燥处，避光并远离异味。"
            ),
        },
        "packagings": [
            {"container": "box", "quantity": 200, "unit": "g", "price_vnd": 75000, "stock": 70},
            {"container": "bag", "quantity": 500, "unit": "g", "price_vnd": 170000, "stock": 40},
        ],
        "color": "#5e8c3a",
        "featured": False,
    },
    {
        "slug": "ruou-mo-yen-tu",
        "producer": "nong-lam-nghiep-yen-tu",
        "group": "II.1",
        "name": {"vi": "Rượu mơ Yên Tử", "en": "Yen Tu apricot liqueur", "zh": "安子梅子酒"},
        "summary": {
            "vi": "Rượu ngâm từ quả mơ lông hái ở vùng chân núi Yên Tử.",
            "en": "A liqueur of downy apricots from the foot of Yen Tu mountain, steeped in rice liquor.",
            "zh": "以安子山脚下采摘的毛梅浸泡米酒而成。",
        },
        "description": {
            "vi": (
                "Mơ lông Yên Tử nở hoa trắng quanh dịp Tết và cho quả vào khoảng tháng Tư. Quả chín được rửa "
                "sạch, để ráo rồi ngâm cùng đường phèn và rượu gạo trong nhiều tháng, cho rượu màu hổ phách, vị "
                "chua ngọt và thơm mùi mơ.\n\n"
                "Đồ uống có cồn, chỉ bán cho người từ 18 tuổi trở lên; không lái xe sau khi uống. Uống lạnh hoặc "
                "với đá. Đậy kín nắp, để nơi thoáng mát."
            ),
            "en": (
                "Yen Tu's downy apricot trees flower white around Tet and bear fruit in about April. The ripe "
                "fruit is washed, drained and steeped with rock sugar in rice liquor for several months, giving "
                "an amber liqueur that is sweet, tart and full of apricot aroma.\n\n"
                "This is an alcoholic drink, sold only to buyers aged 18 or over; never drink and drive. Serve "
                "chilled or over ice. Close tightly and keep in a cool place."
            ),
            "zh": (
                "安子山的毛梅在春节前后开白花，大约四月结果。成熟的梅子洗净沥干后，与冰糖一起浸泡在米酒中"
                "数月，酿成琥珀色的梅子酒，酸甜可口，梅香浓郁。\n\n"
                "本品为含酒精饮料，仅售予年满18岁的顾客；酒后请勿驾车。冰镇或加冰饮用。请盖紧瓶盖，存放"
                "于阴凉处。"
            ),
        },
        "packagings": [
            {"container": "bottle", "quantity": 500, "unit": "ml", "price_vnd": 180000, "stock": 35},
        ],
        "color": "#d08c2a",
        "featured": False,
    },
    {
        "slug": "ba-kich-tim-kho-ba-che",
        "producer": "lam-san-ngoai-go-ba-che",
        "group": "III",
        "name": {"vi": "Ba kích tím khô Ba Chẽ", "en": "Ba Che dried purple Morinda root", "zh": "巴扯紫巴戟天干"},
        "summary": {
            "vi": "Củ ba kích tím đã rút lõi và phơi khô, dùng để ngâm rượu hoặc hãm nước.",
            "en": "Purple Morinda root, cored and dried, for steeping in liquor or brewing as an infusion.",
            "zh": "去芯晒干的紫巴戟天，可用于泡酒或冲泡饮用。",
        },
        "description": {
            "vi": (
                "Ba kích (Morinda officinalis) là cây dây leo mọc dưới tán rừng. Củ được thu hoạch sau ít nhất "
                "ba năm, rửa sạch, đồ qua, rút bỏ lõi gỗ rồi phơi hoặc sấy khô. Ba kích tím Ba Chẽ có thịt củ "
                "dày, màu tím đậm.\n\n"
                "Ngâm 1 kg ba kích khô với khoảng 5–6 lít rượu trắng trong ít nhất ba tháng, hoặc hãm một lượng "
                "nhỏ với nước sôi. Ba kích được dùng theo kinh nghiệm y học cổ truyền; sản phẩm này không phải "
                "là thuốc và không có tác dụng thay thế thuốc chữa bệnh. Bảo quản kín, nơi khô ráo."
            ),
            "en": (
                "Morinda (Morinda officinalis) is a vine that grows under the forest canopy. The roots are "
                "harvested after at least three years, washed, briefly steamed, cored and dried in the sun or a "
                "dryer. Ba Che's purple Morinda has thick, deep purple flesh.\n\n"
                "Steep 1 kg of dried root in about 5–6 litres of white rice liquor for at least three months, or "
                "brew a small amount with boiling water. Morinda is used in traditional medicine; this product "
                "is not a medicine and does not replace medical treatment. Keep sealed in a dry place."
            ),
            "zh": (
                "巴戟天（Morinda officinalis）是生长在林下的藤本植物。根部至少生长三年后采挖，洗净、稍蒸，"
                "抽去木芯，再晒干或烘干。巴扯紫巴戟天肉厚，颜色深紫。\n\n"
                "每1公斤巴戟天干可用约5–6升白酒浸泡至少三个月，也可取少量用沸水冲泡。巴戟天在传统医学中"
                "使用；本品不是药品，不能代替药物治疗疾病。请密封存放于干燥处。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 500, "unit": "g", "price_vnd": 300000, "stock": 30},
            {"container": "bag", "quantity": 1, "unit": "kg", "price_vnd": 580000, "stock": 15},
        ],
        "color": "#5b2a4e",
        "featured": False,
    },
    {
        "slug": "sa-sung-kho-van-don",
        "producer": "hai-san-quan-lan",
        "group": "I.2",
        "name": {"vi": "Sá sùng khô Vân Đồn", "en": "Van Don dried peanut worms", "zh": "云屯沙虫干"},
        "summary": {
            "vi": "Sá sùng đào trên bãi cát Quan Lạn, làm sạch và phơi khô.",
            "en": "Peanut worms dug from the sand flats of Quan Lan island, cleaned and dried.",
            "zh": "在官兰岛沙滩挖取的沙虫，清洗后晒干。",
        },
        "description": {
            "vi": (
                "Khi nước triều rút, người dân Quan Lạn dùng thuổng đào sá sùng trên các bãi cát. Sá sùng được "
                "lộn ruột, rửa sạch cát rồi phơi hoặc sấy khô. Cần nhiều ki-lô-gam sá sùng tươi mới được một "
                "ki-lô-gam khô, vì vậy đây là đặc sản có giá cao.\n\n"
                "Nướng thơm rồi giã nhỏ để nấu nước dùng phở, bún hoặc cháo; cũng có thể rang giòn để nhắm. "
                "Bảo quản kín trong ngăn mát hoặc ngăn đá."
            ),
            "en": (
                "At low tide, Quan Lan islanders dig peanut worms out of the sand flats with narrow spades. The "
                "worms are turned inside out, washed free of sand and dried in the sun or a dryer. It takes many "
                "kilograms of fresh worms to make one kilogram dried, which is why this speciality is costly.\n\n"
                "Toast and pound them to flavour the broth of pho, noodle soups or rice porridge, or fry them "
                "crisp as a snack. Keep sealed in the fridge or freezer."
            ),
            "zh": (
                "退潮时，官兰岛民用窄铲在沙滩上挖取沙虫。沙虫翻肠、洗净泥沙后晒干或烘干。需要好几公斤"
                "鲜沙虫才能制成一公斤干品，因此价格较高。\n\n"
                "烤香后捣碎，可用来熬越南河粉、米线或粥的汤底；也可炸脆作下酒小食。请密封冷藏或冷冻保存。"
            ),
        },
        "packagings": [
            {"container": "bag", "quantity": 100, "unit": "g", "price_vnd": 480000, "stock": 20},
            {"container": "bag", "quantity": 250, "unit": "g", "price_vnd": 1150000, "stock": 8},
        ],
        "color": "#c7a27c",
        "featured": False,
    },
    {
        "slug": "mat-ong-rung-ba-che",
        "producer": "lam-san-ngoai-go-ba-che",
        "group": "I.2",
        "name": {"vi": "Mật ong rừng Ba Chẽ", "en": "Ba Che forest honey", "zh": "巴扯山林蜂蜜",
                 "ko": "바째 숲 꿀"},
        "summary": {
            "vi": "Mật ong của đàn ong nội thả dưới tán rừng Ba Chẽ, lọc sạch, không pha đường.",
            "en": "Honey from native bees kept under the forests of Ba Che, filtered, with no added sugar.",
            "zh": "在巴扯林下放养的本地蜜蜂所酿的蜂蜜，过滤装瓶，不添加糖。",
            "ko": "바째 숲 그늘에서 기르는 토종벌의 꿀로, 걸러 담았으며 설탕을 넣지 않았습니다.",
        },
        "description": {
            "vi": (
                "Các hộ thành viên đặt đàn ong nội dưới tán rừng, nơi ong lấy mật từ hoa rừng, hoa ba kích và "
                "cây trà hoa vàng. Mật được quay vào mùa xuân, lọc qua vải và để lắng trước khi đóng chai.\n\n"
                "Mật ong thật có thể kết tinh khi trời lạnh; ngâm chai trong nước ấm để mật lỏng lại. Không "
                "dùng cho trẻ dưới 1 tuổi. Đậy kín, để nơi khô mát."
            ),
            "en": (
                "Member households keep native bees under the forest canopy, where they gather nectar from "
                "wild flowers, Morinda and golden camellia. The honey is extracted in spring, strained through "
                "cloth and left to settle before bottling.\n\n"
                "Real honey may crystallise in the cold; stand the bottle in warm water to make it runny again. "
                "Not for babies under one year old. Close tightly and keep somewhere cool and dry."
            ),
            "zh": (
                "合作社成员将本地蜜蜂放养在林下，蜜蜂采集野花、巴戟天和金花茶的花蜜。蜂蜜在春季摇取，用布过滤"
                "并静置沉淀后装瓶。\n\n"
                "天然蜂蜜遇冷可能结晶，将瓶子放入温水中即可恢复流动。一岁以下婴儿不宜食用。请密封，存放于阴凉"
                "干燥处。"
            ),
            "ko": (
                "조합원 농가는 숲 그늘에 토종벌을 두어 들꽃, 파극천, 금화차의 꿀을 모으게 합니다. 꿀은 봄에 떠서 "
                "천으로 거르고 가라앉힌 뒤 병에 담습니다.\n\n"
                "천연 꿀은 추우면 굳을 수 있습니다. 병을 따뜻한 물에 담가 두면 다시 묽어집니다. 돌이 안 된 아기에게는 "
                "먹이지 마세요. 꼭 닫아 서늘하고 건조한 곳에 보관하세요."
            ),
        },
        "packagings": [
            {"container": "bottle", "quantity": 500, "unit": "ml", "price_vnd": 350000, "stock": 25},
        ],
        "color": "#e0a526",
        "featured": False,
    },
]

# ---------------------------------------------------------------------------------------------
# Certificates (decisions). Sample numbers only: every one starts with "DEMO-".
# Validity is 36 months from the decision date; the loader computes dates from months_ago.
# sa-sung-kho-van-don has no certificate (a new product, not yet rated).
# ---------------------------------------------------------------------------------------------

CERTIFICATES = [
    {   # 40 months ago: lapsed, not yet re-certified
        "number": "DEMO-1850/QĐ-UBND",
        "months_ago": 40,
        "authority": "UBND tỉnh Quảng Ninh",
        "status": "valid",
        "revoked_reason": None,
        "items": [
            {"product": "nem-chua-quang-yen", "stars": 3, "score": 58, "kind": "new"},
            {"product": "tau-xi-dam-ha", "stars": 3, "score": 55, "kind": "new"},
        ],
    },
    {   # 35 months ago: about to lapse
        "number": "DEMO-3120/QĐ-UBND",
        "months_ago": 35,
        "authority": "UBND tỉnh Quảng Ninh",
        "status": "valid",
        "revoked_reason": None,
        "items": [
            {"product": "dua-cai-nen-dam-ha", "stars": 3, "score": 61, "kind": "new"},
            {"product": "gio-cha-lon-mong-cai", "stars": 3, "score": 57, "kind": "new"},
        ],
    },
    {
        "number": "DEMO-1402/QĐ-UBND",
        "months_ago": 26,
        "authority": "UBND tỉnh Quảng Ninh",
        "status": "valid",
        "revoked_reason": None,
        "items": [
            {"product": "keo-lac-hong-tien-yen", "stars": 3, "score": 59, "kind": "new"},
            {"product": "ga-tien-yen", "stars": 3, "score": 63, "kind": "new"},
            {"product": "nep-cai-hoa-vang-dong-trieu", "stars": 3, "score": 66, "kind": "recertified"},
            {"product": "che-hai-ha", "stars": 3, "score": 64, "kind": "recertified"},
        ],
    },
    {   # revoked at the producer's request
        "number": "DEMO-0947/QĐ-UBND",
        "months_ago": 20,
        "authority": "UBND tỉnh Quảng Ninh",
        "status": "revoked",
        "revoked_reason": "Thu hồi theo đề nghị của chủ thể do tạm dừng sản xuất sản phẩm để thay đổi quy trình chế biến.",
        "items": [
            {"product": "ruoc-co-trai-van-don", "stars": 3, "score": 53, "kind": "new"},
        ],
    },
    {
        "number": "DEMO-2158/QĐ-UBND",
        "months_ago": 14,
        "authority": "UBND tỉnh Quảng Ninh",
        "status": "valid",
        "revoked_reason": None,
        "items": [
            {"product": "tra-hoa-vang-ba-che", "stars": 4, "score": 78, "kind": "recertified"},
            {"product": "ruou-ba-kich-ba-che", "stars": 4, "score": 81, "kind": "recertified"},
            {"product": "nuoc-khoang-quang-hanh", "stars": 4, "score": 83, "kind": "recertified"},
            {"product": "mien-dong-binh-lieu", "stars": 4, "score": 76, "kind": "recertified"},
            {"product": "cha-muc-ha-long", "stars": 4, "score": 74, "kind": "upgraded"},
        ],
    },
    {   # 5 stars: central council, recognised by the Ministry
        "number": "DEMO-0412/QĐ-BNNMT",
        "months_ago": 7,
        "authority": "Bộ Nông nghiệp và Môi trường",
        "status": "valid",
        "revoked_reason": None,
        "items": [
            {"product": "ngoc-trai-ha-long", "stars": 5, "score": 93, "kind": "recertified"},
            {"product": "tra-hoa-vang-quy-hoa", "stars": 5, "score": 91, "kind": "upgraded"},
        ],
    },
    {
        "number": "DEMO-3345/QĐ-UBND",
        "months_ago": 5,
        "authority": "UBND tỉnh Quảng Ninh",
        "status": "valid",
        "revoked_reason": None,
        "items": [
            {"product": "trung-vit-bien-dong-rui", "stars": 4, "score": 75, "kind": "upgraded"},
            {"product": "muc-ong-co-to-kho", "stars": 4, "score": 77, "kind": "new"},
            {"product": "nuoc-mam-sa-sung-van-don", "stars": 4, "score": 80, "kind": "recertified"},
            {"product": "ruoc-hau-van-don", "stars": 4, "score": 72, "kind": "upgraded"},
            {"product": "ruou-mo-yen-tu", "stars": 3, "score": 62, "kind": "new"},
            {"product": "ba-kich-tim-kho-ba-che", "stars": 3, "score": 60, "kind": "new"},
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Sales points (trung tâm / điểm giới thiệu và bán sản phẩm OCOP)
# ---------------------------------------------------------------------------------------------

SALES_POINTS = [
    {
        "slug": "trung-tam-ocop-ha-long",
        "kind": "centre",
        "locality": "ha-long",
        "latitude": 20.9700,
        "longitude": 107.0020,
        "phone": "0203 3512 460",
        "opening_hours": "Mo-Su 08:00-21:30",
        "name": {"vi": "Trung tâm Giới thiệu sản phẩm OCOP Hạ Long", "en": "Ha Long OCOP Centre",
                 "zh": "下龙 OCOP 产品展销中心"},
        "address": {
            "vi": "Khu Đồn Điền (phường Hà Khẩu cũ), Hạ Long, Quảng Ninh",
            "en": "Don Dien area (former Ha Khau ward), Ha Long, Quang Ninh",
            "zh": "广宁省下龙屯田区（原河口坊）",
        },
        "description": {
            "vi": "Siêu thị OCOP hai tầng rộng khoảng 3.000 m², bày bán hơn 350 dòng sản phẩm của khắp Quảng Ninh với giá niêm yết; là điểm dừng chân quen thuộc của du khách trên đường vào Hạ Long.",
            "en": "A two-floor OCOP store of about 3,000 m² with more than 350 product lines from all over Quang Ninh at posted prices; a popular stop for visitors on the way into Ha Long.",
            "zh": "两层的 OCOP 商场，面积约3000平方米，明码标价展销广宁省各地350多种产品，是游客前往下龙途中常停留的地方。",
        },
        "products": [
            "ngoc-trai-ha-long", "tra-hoa-vang-quy-hoa", "tra-hoa-vang-ba-che", "ruou-ba-kich-ba-che",
            "nuoc-khoang-quang-hanh", "trung-vit-bien-dong-rui", "muc-ong-co-to-kho", "nuoc-mam-sa-sung-van-don",
            "mien-dong-binh-lieu", "cha-muc-ha-long", "ruoc-hau-van-don", "nem-chua-quang-yen",
            "keo-lac-hong-tien-yen", "tau-xi-dam-ha", "dua-cai-nen-dam-ha", "nep-cai-hoa-vang-dong-trieu",
            "gio-cha-lon-mong-cai", "che-hai-ha", "ruou-mo-yen-tu", "ba-kich-tim-kho-ba-che",
            "sa-sung-kho-van-don",
        ],
    },
    {
        "slug": "trung-tam-ocop-dong-trieu",
        "kind": "centre",
        "locality": "dong-trieu",
        "latitude": 21.0820,
        "longitude": 106.5150,
        "phone": "0203 3870 915",
        "opening_hours": "Mo-Su 07:30-21:00",
        "name": {"vi": "Trung tâm Giới thiệu sản phẩm OCOP Đông Triều", "en": "Dong Trieu OCOP Centre",
                 "zh": "东潮 OCOP 产品展销中心"},
        "address": {
            "vi": "Quốc lộ 18, phường Đông Triều, Quảng Ninh",
            "en": "National Road 18, Dong Trieu ward, Quang Ninh",
            "zh": "广宁省东潮坊18号国道旁",
        },
        "description": {
            "vi": "Trung tâm bên Quốc lộ 18 ở cửa ngõ phía tây của tỉnh, bày bán khoảng 100 sản phẩm OCOP; tiện dừng chân mua quà trên đường từ Hà Nội đến Hạ Long.",
            "en": "A centre on National Road 18 at the province's western gateway, selling about 100 OCOP products; a handy stop for gifts on the way from Hanoi to Ha Long.",
            "zh": "位于广宁省西大门18号国道旁，展销约100种 OCOP 产品，方便从河内前往下龙途中停车选购礼品。",
        },
        "products": [
            "nep-cai-hoa-vang-dong-trieu", "ruou-mo-yen-tu", "tra-hoa-vang-ba-che", "tra-hoa-vang-quy-hoa",
            "ruou-ba-kich-ba-che", "nuoc-khoang-quang-hanh", "mien-dong-binh-lieu", "cha-muc-ha-long",
            "nuoc-mam-sa-sung-van-don", "muc-ong-co-to-kho", "keo-lac-hong-tien-yen", "che-hai-ha",
            "ba-kich-tim-kho-ba-che", "ngoc-trai-ha-long",
        ],
    },
    {
        "slug": "diem-ocop-bai-chay",
        "kind": "point",
        "locality": "ha-long",
        "latitude": 20.9560,
        "longitude": 107.0420,
        "phone": "0203 3846 731",
        "opening_hours": "Mo-Su 08:00-22:00",
        "name": {"vi": "Điểm giới thiệu sản phẩm OCOP Bãi Cháy", "en": "Bai Chay OCOP shop",
                 "zh": "拜寨 OCOP 产品展销点"},
        "address": {
            "vi": "Đường Hạ Long, phường Bãi Cháy, Quảng Ninh",
            "en": "Ha Long Road, Bai Chay ward, Quang Ninh",
            "zh": "广宁省拜寨坊下龙路",
        },
        "description": {
            "vi": "Cửa hàng nhỏ gần khu du lịch Bãi Cháy, chủ yếu bán quà biển và đặc sản dễ mang theo.",
            "en": "A small shop near the Bai Chay tourist area, mostly selling seafood gifts and specialities that travel well.",
            "zh": "拜寨旅游区附近的小店，主要销售海产礼品和便于携带的特产。",
        },
        "products": [
            "ngoc-trai-ha-long", "cha-muc-ha-long", "muc-ong-co-to-kho", "tra-hoa-vang-quy-hoa",
            "ruou-ba-kich-ba-che", "nuoc-mam-sa-sung-van-don", "ruoc-hau-van-don", "nuoc-khoang-quang-hanh",
        ],
    },
    {
        "slug": "diem-ocop-van-don",
        "kind": "point",
        "locality": "van-don",
        "latitude": 21.0640,
        "longitude": 107.4240,
        "phone": "0203 3793 604",
        "opening_hours": "Mo-Su 07:30-19:00",
        "name": {"vi": "Điểm giới thiệu sản phẩm OCOP Vân Đồn", "en": "Van Don OCOP shop",
                 "zh": "云屯 OCOP 产品展销点"},
        "address": {
            "vi": "Khu Cái Rồng, đặc khu Vân Đồn, Quảng Ninh",
            "en": "Cai Rong, Van Don special zone, Quang Ninh",
            "zh": "广宁省云屯特区 Cai Rong",
        },
        "description": {
            "vi": "Gần bến tàu Cái Rồng, nơi du khách xuống tàu ra các đảo; bán đặc sản biển Vân Đồn và lâm sản Ba Chẽ.",
            "en": "Near Cai Rong pier, where visitors board boats to the islands; sells Van Don seafood specialities and forest products from Ba Che.",
            "zh": "靠近 Cai Rong 码头（游客从这里乘船前往各海岛），销售云屯海产特产和巴扯林产品。",
        },
        "products": [
            "nuoc-mam-sa-sung-van-don", "sa-sung-kho-van-don", "ruou-ba-kich-ba-che", "ba-kich-tim-kho-ba-che",
            "ruoc-hau-van-don", "muc-ong-co-to-kho", "cha-muc-ha-long", "tra-hoa-vang-ba-che",
        ],
    },
    {
        "slug": "diem-ocop-mong-cai",
        "kind": "point",
        "locality": "mong-cai",
        "latitude": 21.5265,
        "longitude": 107.9650,
        "phone": "0203 3883 147",
        "opening_hours": "Mo-Su 07:30-20:00",
        "name": {"vi": "Điểm giới thiệu sản phẩm OCOP Móng Cái", "en": "Mong Cai OCOP shop",
                 "zh": "芒街 OCOP 产品展销点"},
        "address": {
            "vi": "Gần chợ trung tâm Móng Cái, phường Móng Cái 1, Quảng Ninh",
            "en": "Near Mong Cai central market, Mong Cai 1 ward, Quang Ninh",
            "zh": "广宁省芒街第一坊，芒街中心市场附近",
        },
        "description": {
            "vi": "Cửa hàng gần khu chợ và cửa khẩu, bày bán đặc sản các địa phương miền đông Quảng Ninh với giá niêm yết.",
            "en": "A shop near the market and the border crossing, selling specialities from eastern Quang Ninh at posted prices.",
            "zh": "位于市场和口岸附近，明码标价销售广宁省东部各地特产。",
        },
        "products": [
            "gio-cha-lon-mong-cai", "tau-xi-dam-ha", "dua-cai-nen-dam-ha", "che-hai-ha",
            "tra-hoa-vang-quy-hoa", "mien-dong-binh-lieu", "keo-lac-hong-tien-yen", "trung-vit-bien-dong-rui",
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Fairs (start = today + starts_in_days; they last `days` days)
# ---------------------------------------------------------------------------------------------

FAIRS = [
    {
        "slug": "hoi-cho-ocop-quang-ninh-thu-dong",
        "kind": "provincial",
        "starts_in_days": -32,
        "days": 7,
        "locality": "ha-long",
        "latitude": 20.9525,
        "longitude": 107.0975,
        "name": {"vi": "Hội chợ OCOP Quảng Ninh – Thu Đông", "en": "Quang Ninh OCOP Fair – Autumn and Winter",
                 "zh": "广宁省 OCOP 秋冬博览会"},
        "venue": {
            "vi": "Cung Quy hoạch, Hội chợ và Triển lãm tỉnh Quảng Ninh, đường Trần Quốc Nghiễn, phường Hạ Long",
            "en": "Quang Ninh Planning, Fair and Exhibition Palace, Tran Quoc Nghien Street, Ha Long ward",
            "zh": "广宁省规划、博览和展览馆（下龙坊陈国砚路）",
        },
        "description": {
            "vi": "Hội chợ mùa thu đông của tỉnh với khoảng 160 gian hàng OCOP, nông sản và đặc sản của Quảng Ninh và các tỉnh bạn.",
            "en": "The province's autumn and winter fair, with about 160 booths of OCOP products, farm produce and specialities from Quang Ninh and other provinces.",
            "zh": "广宁省秋冬季博览会，约160个展位，展销广宁省及其他省份的 OCOP 产品、农产品和特产。",
        },
        "participants": [
            {"producer": "ngoc-trai-ha-long", "booth": "A01"},
            {"producer": "quy-hoa", "booth": "A02"},
            {"producer": "lam-san-ngoai-go-dap-thanh", "booth": "A05"},
            {"producer": "cha-muc-hon-gai", "booth": "B03"},
            {"producer": "hai-san-quan-lan", "booth": "B07"},
            {"producer": "nong-nghiep-hoang-que", "booth": "C12"},
        ],
    },
    {
        "slug": "tuan-hang-ocop-cam-pha",
        "kind": "consumer_week",
        "starts_in_days": -12,
        "days": 7,
        "locality": "cam-pha",
        "latitude": 21.0110,
        "longitude": 107.2900,
        "name": {"vi": "Tuần hàng OCOP Quảng Ninh tại Cẩm Phả", "en": "Quang Ninh OCOP Week in Cam Pha",
                 "zh": "广宁省 OCOP 产品周（锦普站）"},
        "venue": {
            "vi": "Sảnh trung tâm thương mại, phường Cẩm Phả",
            "en": "Shopping centre lobby, Cam Pha ward",
            "zh": "锦普坊购物中心大厅",
        },
        "description": {
            "vi": "Một tuần giới thiệu sản phẩm OCOP ngay tại trung tâm mua sắm, khoảng 30 gian hàng, có quầy dùng thử.",
            "en": "A week of OCOP products inside a shopping centre, with about 30 booths and tasting counters.",
            "zh": "在购物中心内举办的 OCOP 产品周，约30个展位，设有试吃试饮台。",
        },
        "participants": [
            {"producer": "nuoc-khoang-quang-hanh", "booth": "01"},
            {"producer": "dinh-trung", "booth": "04"},
            {"producer": "dong-tien", "booth": "07"},
            {"producer": "keo-lac-tien-yen", "booth": "09"},
        ],
    },
    {
        "slug": "hoi-cho-quoc-te-viet-trung-mong-cai",
        "kind": "international",
        "starts_in_days": 12,
        "days": 5,
        "locality": "mong-cai",
        "latitude": 21.5310,
        "longitude": 107.9700,
        "name": {"vi": "Hội chợ Thương mại quốc tế Việt – Trung (Móng Cái – Đông Hưng)",
                 "en": "Vietnam–China International Trade Fair (Mong Cai – Dongxing)",
                 "zh": "中越（芒街—东兴）国际商贸博览会"},
        "venue": {
            "vi": "Khu hội chợ gần cửa khẩu quốc tế Móng Cái",
            "en": "Fairground near the Mong Cai international border gate",
            "zh": "芒街国际口岸附近展区",
        },
        "description": {
            "vi": "Hội chợ thường niên của hai thành phố biên giới, với khoảng 70–80 gian hàng OCOP Quảng Ninh bên cạnh doanh nghiệp Việt Nam và Trung Quốc.",
            "en": "The yearly fair of the two border cities, with some 70–80 Quang Ninh OCOP booths alongside Vietnamese and Chinese companies.",
            "zh": "两座边境城市一年一度的博览会，约有70–80个广宁省 OCOP 展位，与越南和中国企业同场展出。",
        },
        "participants": [
            {"producer": "ngoc-trai-ha-long", "booth": "VN-01"},
            {"producer": "quy-hoa", "booth": "VN-02"},
            {"producer": "lam-san-ngoai-go-ba-che", "booth": "VN-06"},
            {"producer": "hai-san-quan-lan", "booth": "VN-08"},
            {"producer": "cau-muc-co-to", "booth": "VN-09"},
            {"producer": "gio-cha-ka-long", "booth": "VN-14"},
            {"producer": "nong-san-dam-ha", "booth": "VN-15"},
            {"producer": "che-duong-hoa", "booth": "VN-16"},
        ],
    },
    {
        "slug": "phien-cho-ocop-dong-trieu-don-tet",
        "kind": "district",
        "starts_in_days": 40,
        "days": 4,
        "locality": "dong-trieu",
        "latitude": 21.0815,
        "longitude": 106.5160,
        "name": {"vi": "Phiên chợ OCOP và nông sản Đông Triều đón Tết",
                 "en": "Dong Trieu OCOP and Farm Produce Market for Tet",
                 "zh": "东潮 OCOP 及农产品迎春集市"},
        "venue": {
            "vi": "Sân Trung tâm Giới thiệu sản phẩm OCOP Đông Triều, Quốc lộ 18",
            "en": "Forecourt of the Dong Trieu OCOP Centre, National Road 18",
            "zh": "东潮 OCOP 产品展销中心前广场（18号国道旁）",
        },
        "description": {
            "vi": "Phiên chợ mua sắm Tết của Đông Triều và các địa phương lân cận, với nông sản, đặc sản và quà Tết.",
            "en": "A Tet shopping market for Dong Trieu and nearby areas, with farm produce, specialities and New Year gifts.",
            "zh": "东潮及周边地区的年货集市，有农产品、特产和春节礼品。",
        },
        "participants": [
            {"producer": "nong-nghiep-hoang-que", "booth": "01"},
            {"producer": "nong-lam-nghiep-yen-tu", "booth": "02"},
            {"producer": "lam-san-ngoai-go-ba-che", "booth": "05"},
            {"producer": "chan-nuoi-phong-du", "booth": "06"},
        ],
    },
    {
        "slug": "hoi-cho-ocop-quang-ninh-xuan",
        "kind": "provincial",
        "starts_in_days": 55,
        "days": 6,
        "locality": "ha-long",
        "latitude": 20.9525,
        "longitude": 107.0975,
        "name": {"vi": "Hội chợ OCOP Quảng Ninh – Xuân", "en": "Quang Ninh OCOP Fair – Spring",
                 "zh": "广宁省 OCOP 春季博览会"},
        "venue": {
            "vi": "Cung Quy hoạch, Hội chợ và Triển lãm tỉnh Quảng Ninh, đường Trần Quốc Nghiễn, phường Hạ Long",
            "en": "Quang Ninh Planning, Fair and Exhibition Palace, Tran Quoc Nghien Street, Ha Long ward",
            "zh": "广宁省规划、博览和展览馆（下龙坊陈国砚路）",
        },
        "description": {
            "vi": "Hội chợ mua sắm Tết lớn nhất trong năm của tỉnh, dự kiến khoảng 200 gian hàng OCOP, nông sản và đặc sản vùng miền.",
            "en": "The province's biggest Tet shopping fair of the year, with about 200 booths of OCOP products, farm produce and regional specialities expected.",
            "zh": "广宁省一年中规模最大的年货博览会，预计设约200个展位，展销 OCOP 产品、农产品和各地特产。",
        },
        "participants": [
            {"producer": "ngoc-trai-ha-long", "booth": "A01"},
            {"producer": "quy-hoa", "booth": "A02"},
            {"producer": "lam-san-ngoai-go-dap-thanh", "booth": "A03"},
            {"producer": "nuoc-khoang-quang-hanh", "booth": "A08"},
            {"producer": "hai-vi-bai-tu-long", "booth": "B02"},
            {"producer": "nem-chua-yen-giang", "booth": "B10"},
            {"producer": "chan-nuoi-phong-du", "booth": "C04"},
            {"producer": "gio-cha-ka-long", "booth": "C05"},
        ],
    },
]


# ---------------------------------------------------------------------------------------------
# Korean: the texts live in content_ko.py (keyed by slug or code) and are added here as "ko".
# ---------------------------------------------------------------------------------------------

def _add_korean() -> None:
    from shop.demo import content_ko as ko
    for row in LOCALITIES:
        row["name"].setdefault("ko", ko.LOCALITIES[row["slug"]])
    for row in GROUPS:
        row["name"].setdefault("ko", ko.GROUPS[row["code"]])
    for rows, texts in ((PRODUCERS, ko.PRODUCERS), (PRODUCTS, ko.PRODUCTS), (SALES_POINTS, ko.SALES_POINTS),
                        (FAIRS, ko.FAIRS)):
        for row in rows:
            for field, text in texts.get(row["slug"], {}).items():
                row[field].setdefault("ko", text)


_add_korean()
