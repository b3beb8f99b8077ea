"""Actors: victims, agents, speakers, appositions and nisbas (team-written sentences)."""

from __future__ import annotations

import rasd

PUB = "2015-08-10"


def test_an_indefinite_soldier_after_a_kill_verb_is_the_victim_and_the_attackers_act(event_actors):
    a = event_actors("قتل جندي تركي في هجوم بقذيفة صاروخية شنه متمردون أكراد قرب بلدة سيلوبي أمس.", type_="ASSAULT")
    assert a["actor2"].name_en == "Military Forces of Turkey"
    assert a["actor1"].name_en.startswith("PKK")


def test_victims_named_before_the_verb_are_not_actor1(event_actors):
    a = event_actors("وذكرت وكالة محلية أن شرطيين قتلا وأصيب ثالث عندما فجر مسلحون عبوة ناسفة قرب دورية في ديار بكر أمس.",
                     type_="ASSAULT")
    assert a["actor2"].inter == 1 and a.get("actor1") is None or a["actor1"].inter != 1


def test_counted_victims_from_a_group_are_that_group(event_actors):
    a = event_actors("قتل ثلاثة عناصر من ميليشيا الحوثي الخميس في هجوم نفذته المقاومة الشعبية فجرا على موقع لهم قرب بلدة دمت.",
                     type_="ASSAULT")
    assert a["actor1"].name_en == "Popular Resistance (Yemen)"
    assert a["actor2"].name_en == "Ansar Allah (Houthis)"


def test_the_source_of_a_death_report_is_not_its_agent(event_actors):
    a = event_actors("وكشف المكتب الإعلامي لمحافظة الأنبار أمس عن مقتل خمسة من عناصر داعش بضربة جوية قرب مدينة هيت.",
                     type_="ASSAULT")
    assert "actor1" not in a
    assert a["actor2"].name_en == "Islamic State (ISIS)"


def test_an_armed_side_reporting_its_enemy_s_dead_is_actor1(event_actors):
    a = event_actors("وأعلنت المقاومة الشعبية أمس عن مقتل 30 حوثيا في مواجهات بجبل صبر في تعز.", type_="ASSAULT")
    assert a["actor1"].name_en == "Popular Resistance (Yemen)"
    assert a["actor2"].name_en == "Ansar Allah (Houthis)"


def test_a_weapon_with_a_nisba_is_that_country_s_forces(event_actors):
    a = event_actors("وأفاد ناشطون بأن طائرة إسرائيلية ضربت شاحنة صغيرة قرب بلدة خان أرنبة مساء السبت.", type_="ASSAULT")
    assert a["actor1"].name_en == "Military Forces of Israel"


def test_a_title_and_a_name_set_off_by_commas_are_one_participant(event_actors):
    a = event_actors("ورحب الرئيس المصري، عبد الفتاح السيسي، أمس بزيارة الرئيس هادي إلى القاهرة.", type_="SUPPORT")
    assert a["actor1"].name == "عبد الفتاح السيسي"
    assert a["actor2"].name == "عبد ربه منصور هادي"


def test_a_contrast_clause_keeps_its_subject():
    text = "وأكد الوزير دعم بلاده لجهود التهدئة في السودان، بينما رفضت قوات الدعم السريع المشاركة في المحادثات."
    doc = rasd.extract(text, published="2024-05-20")
    sup = [e for e in doc.events if e.type == "SUPPORT"]
    assert all(a.name != "قوات الدعم السريع" for e in sup for a in e.actors)


def test_a_backer_is_not_the_target(event_actors):
    a = event_actors("وسيطرت ميليشيا الحوثيين المدعومة من إيران أمس على معسكر اللواء 35 في تعز.", type_="ASSAULT")
    assert a["actor1"].name_en == "Ansar Allah (Houthis)"
    assert "actor2" not in a or a["actor2"].name_en != "Government of Iran"


def test_country_after_a_direction_is_a_place(event_actors):
    a = event_actors("وأحكمت المقاومة الشعبية سيطرتها أمس على مثلث العند جنوبي اليمن.", type_="ASSAULT")
    assert "actor2" not in a


def test_a_name_means_an_actor_only_from_when_the_actor_exists(event_actors):
    import datetime as dt

    from rasd.events.actors import ActorInfo
    assert ActorInfo("x", None, None, 3, "2017").not_yet(dt.date(2015, 8, 1))
    a = event_actors("وقصفت مقاتلات التحالف مواقع الحوثيين قرب الحزام الأمني لمدينة مأرب أمس.", type_="ASSAULT")
    assert all("Southern Transitional" not in (x.name_en or "") for x in a.values())


def test_yemen_articles_read_a_bare_resistance_as_the_popular_resistance():
    text = ("قصفت مقاتلات التحالف مواقع في صنعاء أمس.\n"
            "وتقدمت المقاومة مساء الجمعة نحو ثلاث قرى شمال محافظة الضالع.")
    doc = rasd.extract(text, published="2015-08-01")
    names = {a.name_en for e in doc.events for a in e.actors}
    assert "Popular Resistance (Yemen)" in names


def test_a_verb_with_a_plural_suffix_carries_its_subject(event_actors):
    a = event_actors("وقال ناشطون إن صحافيين أجانب انتقدوا الحكومة في مؤتمر صحفي بأنقرة أمس.", type_="ACCUSE")
    assert a["actor2"].name_en.startswith("Government")
    assert "actor1" not in a or not a["actor1"].name_en or not a["actor1"].name_en.startswith("Government")


def test_a_prepositional_object_is_not_the_subject(event_actors):
    a = event_actors("وقصفت البوارج الحربية أمس تجمعات للحوثيين في مديرية الخوخة.", type_="ASSAULT")
    assert a["actor2"].name_en == "Ansar Allah (Houthis)"
    assert a.get("actor1") is None or a["actor1"].name_en != "Ansar Allah (Houthis)"


def test_coordinated_subjects_take_the_first_as_actor1(event_actors):
    a = event_actors("وقال أهالي البلدة إن الحوثيين وقوات صالح قصفوا بالمدفعية منازلهم قرب مدينة يريم فجر الخميس.", type_="ASSAULT")
    assert a["actor1"].name_en == "Ansar Allah (Houthis)"


def test_a_coordinated_verb_shares_the_subject_of_its_clause(event_actors):
    a = event_actors("واستولت المقاومة الشعبية أمس على دبابتين، وحاصرت معسكرا للمسلحين شمال مدينة الضالع.",
                     type_="COERCE")
    assert a["actor1"].name_en == "Popular Resistance (Yemen)"


def test_a_base_named_before_is_not_al_qaeda():
    text = ("تقدمت المقاومة الشعبية نحو قاعدة العند أمس.\n"
            "وحاصرت المقاومة الشعبية أمس معسكرا قريبا من القاعدة في محافظة لحج.")
    doc = rasd.extract(text, published="2015-08-01")
    assert all(a.name_en != "Al Qaeda" for e in doc.events for a in e.actors)


def test_the_passive_auxiliary_makes_the_genitive_the_victim(event_actors):
    a = event_actors("وتم قتل عشرة من مسلحي داعش على أيدي قوات الحشد الشعبي قرب مدينة بيجي أمس.", type_="ASSAULT")
    assert a["actor2"].name_en == "Islamic State (ISIS)"
    assert a["actor1"].name_en == "Popular Mobilization Forces (Iraq)"


def test_talks_between_two_presidents_take_both(event_actors):
    a = event_actors("وجرت في شرم الشيخ صباح الثلاثاء جلسة محادثات مطولة بين الرئيس المصري عبد الفتاح السيسي والرئيس هادي.",
                     type_="CONSULT")
    assert {a["actor1"].name, a["actor2"].name} == {"عبد الفتاح السيسي", "عبد ربه منصور هادي"}


def test_a_ministry_announcing_arrests_is_the_arresting_authority(event_actors):
    a = event_actors("وأعلنت وزارة الداخلية الإسبانية الجمعة اعتقال شابين يشتبه في انتمائهما إلى خلية متطرفة في برشلونة.",
                     type_="COERCE")
    assert a["actor1"].name_en == "Police Forces of Spain"


def test_subject_and_object_side_by_side_are_not_an_apposition(event_actors):
    a = event_actors("وقتلت الشرطة مسلحين اثنين خلال اشتباك في مدينة ماردين صباح أمس.", type_="ASSAULT")
    assert a["actor1"].inter == 1 and a["actor2"].name_en.startswith("Unidentified")


def test_the_speaker_is_not_the_agent_of_victims_named_before_the_verb():
    text = "وقال الجيش في بيان إن جنديين قتلا في هجوم على نقطة تفتيش قرب مدينة العريش أمس."
    doc = rasd.extract(text, published="2015-08-01")
    ev = [e for e in doc.events if e.type == "ASSAULT"]
    assert ev and all(a.role == "actor2" for a in ev[0].actors if a.inter == 1)


def test_civilians_of_a_contrast_clause_are_not_the_target(event_actors):
    a = event_actors("واستعادت المقاومة الشعبية صباح الأحد تلة قرب مدينة الضالع، في حين قال السكان إن قذائف سقطت على السوق.",
                     "2015-08-01", "ASSAULT")
    assert "actor2" not in a or a["actor2"].inter != 7


def test_the_subject_of_a_relative_clause_is_not_the_main_verb_s(event_actors):
    a = event_actors("وأشاد المحافظ بمقاتلي المقاومة الشعبية الذين أجبروا ميليشيا الحوثي على الانسحاب من مديرية دار سعد.",
                     "2015-08-01", "SUPPORT")
    assert a.get("actor1") is None or a["actor1"].name_en != "Ansar Allah (Houthis)"
    assert a["actor2"].name_en == "Popular Resistance (Yemen)"


def test_a_light_verb_opening_a_coordinated_clause_shares_its_subject(event_actors):
    a = event_actors("وحققت المقاومة الشعبية في تعز تقدما، وتمكنت من السيطرة على مواقع كانت تسيطر عليها جماعة الحوثي.",
                     "2015-08-01", "ASSAULT")
    assert a["actor1"].name_en == "Popular Resistance (Yemen)"


def test_casualties_of_a_clash_between_two_sides_take_both_sides(event_actors):
    text = ("قتل 12 شخصا وأصيب 20 آخرون في اشتباكات اندلعت أمس بين القوات الحكومية ومسلحي جماعة الحوثي "
            "في ضواحي مدينة تعز.")
    a = event_actors(text, "2024-03-11", "ASSAULT")
    names = {a["actor1"].name_en, a["actor2"].name_en}
    assert "Ansar Allah (Houthis)" in names and any(n.startswith("Military Forces") for n in names)


def test_a_person_and_what_he_leads_are_one_participant(event_actors):
    a = event_actors("والتقى المشير خليفة حفتر قائد قوات شرق ليبيا المبعوث الأممي غسان سلامة في بنغازي أمس.",
                     "2019-01-10", "CONSULT")
    assert a["actor1"].name == "خليفة حفتر"
    assert a["actor2"].name_en == "United Nations"


def test_an_agent_counted_from_a_group_after_the_fire_word(event_actors):
    a = event_actors("وأصيب ثلاثة جنود عراقيين بنيران قناصة من داعش قرب مدينة الرمادي أمس.", "2015-08-01", "ASSAULT")
    assert a["actor1"].name_en == "Islamic State (ISIS)"
    assert a["actor2"].name_en == "Military Forces of Iraq" and a["actor2"].inter == 1


def test_a_state_s_forces_named_by_nisba_are_its_military(event_actors):
    a = event_actors("وقصفت القوات العراقية مواقع لتنظيم داعش في الفلوجة أمس.", "2015-08-01", "ASSAULT")
    assert a["actor1"].name_en == "Military Forces of Iraq" and a["actor1"].inter == 1


def test_a_forces_partner_coordinated_with_actor1_is_not_the_target(event_actors):
    a = event_actors("وقصفت مدفعية القوات المسلحة السعودية والتحالف أمس مواقع قرب الحدود في محافظة صعدة.",
                     "2015-08-01", "ASSAULT")
    assert "actor2" not in a or "Coalition" not in (a["actor2"].name_en or "")


def test_yemen_news_reads_a_bare_coalition_as_the_saudi_led_coalition(event_actors):
    a = event_actors("واتهمت جماعة الحوثي أمس التحالف بارتكاب جرائم حرب في محافظة صعدة.", "2016-03-11", "ACCUSE")
    assert a["actor2"].name_en == "Military Forces of Saudi Arabia (Coalition)"


def test_a_backer_named_with_loyal_to_is_not_the_target(event_actors):
    a = event_actors("وانتزعت المقاومة الشعبية الموالية للرئيس هادي أمس آخر مواقع الحوثيين في مدينة عدن.", "2015-07-20",
                     "ASSAULT")
    assert a["actor1"].name_en == "Popular Resistance (Yemen)"
    assert "actor2" not in a or a["actor2"].name_en == "Ansar Allah (Houthis)"


def test_a_group_and_the_network_it_belongs_to_are_one_participant(event_actors):
    a = event_actors("وانسحب مقاتلو جبهة النصرة ذراع تنظيم القاعدة في الشام أمس من قرى في ريف إدلب.", "2015-08-10", "RETREAT")
    assert a["actor1"].name == "جبهة النصرة"
    assert "actor2" not in a


def test_clash_sides_named_from_one_side_and_the_other(event_actors):
    text = ("واندلعت مواجهات فجر الثلاثاء بين قوات النظام ومسلحي حزب الله من جهة، وفصائل المعارضة من جهة أخرى "
            "على تخوم بلدة كفرنبودة.")
    a = event_actors(text, "2015-08-10", "ASSAULT")
    assert a["actor1"].name_en.startswith("Government of Syria")
    assert a["actor2"].name_en == "Free Syrian Army"


def test_the_side_after_with_is_the_other_side_of_a_fight(event_actors):
    a = event_actors("وخاضت قوات الحرس الجمهوري وحزب الله أمس اشتباكات مع الفصائل المعارضة في الزبداني.", "2015-08-10",
                     "ASSAULT")
    assert a["actor2"].name_en == "Free Syrian Army"


def test_an_agent_s_partner_is_not_the_victim(event_actors):
    a = event_actors("وقتلت امرأة وجرح طفلان في قصف بالهاون نفذه الحوثيون وقوات صالح على قرية قرب قعطبة ليل السبت.",
                     "2015-08-01", "ASSAULT")
    assert a["actor1"].name_en == "Ansar Allah (Houthis)"
    assert "actor2" not in a or a["actor2"].inter == 7


def test_a_place_named_after_a_person_is_no_actor(event_actors):
    a = event_actors("وقصفت الميليشيات أمس حي سليمان الحلبي ومسجد الإمام علي في مدينة حلب بقذائف الهاون.", "2015-08-10",
                     "ASSAULT")
    assert all(x.text not in ("سليمان الحلبي", "علي", "الإمام علي") for x in a.values())


def test_a_name_deep_in_a_prepositional_phrase_is_not_the_object(event_actors):
    a = event_actors("وندد المدون في تغريدة مساء الأحد بمسارعة عدد من الزعماء إلى إرسال برقيات مواساة إلى أردوغان بعد التفجير.",
                     "2015-07-25", "ACCUSE")
    assert "actor2" not in a or a["actor2"].name != "رجب طيب أردوغان"
