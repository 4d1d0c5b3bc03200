"""A Q&A whose text carries a phone or ID number cannot be published; the masks' patterns."""

import pytest
from django.core.exceptions import ValidationError

from core.privacy import personal_numbers
from registry_api.services import services
from registry_api.services.models import Consultation


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("请回电13987650001。", ["13987650001"]),
        ("身份证号15040219900101002X，谢谢", ["15040219900101002X"]),
        ("统一社会信用代码91150402MA0N1X2Y3Z", []),  # a code is not an ID number
        ("服务热线0476-8222101或12345", []),  # landlines and hotlines are public
        ("登记编号1504022024000001", []),  # 16 digits
        ("订单号213987650001999", []),  # inside a longer number
    ],
)
def test_personal_numbers(text, found):
    assert personal_numbers(text) == found


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "text"),
    [("question", "电话13987650001，请回电。"), ("answer", "已致电150402198803157719本人。")],
)
def test_consultation_with_a_number_in_its_text_is_not_published(field, text):
    consultation = services.consultation_submit(
        channel="director_mailbox",
        asker_name="慕容雪晴",
        asker_phone="15987650002",
        subject="请回电",
        question=text if field == "question" else "营业执照遗失怎么办？",
    )
    services.consultation_answer(
        consultation=consultation, answer=text if field == "answer" else "请登报声明后补领。"
    )
    with pytest.raises(ValidationError) as error:
        services.consultation_publish(consultation=consultation)
    assert error.value.message_dict == {
        field: ["内容中含有手机号码或身份证号码，请删除或改写后再公开。"]
    }
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.PENDING
